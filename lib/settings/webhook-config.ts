import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { readOrCreateStoredSecret } from "@/lib/settings/stored-secrets";

export type WebhookConfig = {
  webhookKey: string;
  appSecret: string;
  verifyToken: string;
  /** Which values came from the environment (they win over stored ones). */
  fromEnv: { webhookKey: boolean; appSecret: boolean; verifyToken: boolean };
};

export const WEBHOOK_SETTING_KEYS = {
  webhookKey: "whatsapp.webhook_key",
  appSecret: "whatsapp.app_secret",
  verifyToken: "whatsapp.verify_token",
} as const;

// The ack path must not pay a database round trip for configuration; settings change rarely and
// whoever changes them calls invalidateWebhookConfig() (other processes pick it up within the TTL).
const TTL_MS = 30_000;

// One cache per process, not per bundle: Next.js gives pages and route handlers their own copies
// of a module, and a save on the settings API must reach the copy the webhook route reads.
type CacheState = {
  cached: { config: WebhookConfig; loadedAt: number } | undefined;
  loading: Promise<WebhookConfig> | undefined;
  generation: number;
};
const globalForConfig = globalThis as unknown as { __inboxWebhookConfig?: CacheState };
const state: CacheState = (globalForConfig.__inboxWebhookConfig ??= {
  cached: undefined,
  loading: undefined,
  generation: 0,
});

const generate = (bytes: number) => randomBytes(bytes).toString("base64url");

async function loadWebhookConfig(): Promise<WebhookConfig> {
  const env = getEnv();
  const db = getDb();
  // Values nobody configured are generated once and stored (encrypted), so a local run works with
  // no Meta account: `npm run simulate` signs with the same stored secret. Values set through the
  // environment are never read from the database, so such a server needs no encryption key.
  const stored = async (key: string, bytes: number) =>
    readOrCreateStoredSecret({ db, key, generate: () => generate(bytes) });
  const [webhookKey, appSecret, verifyToken] = await Promise.all([
    env.WHATSAPP_WEBHOOK_KEY ?? stored(WEBHOOK_SETTING_KEYS.webhookKey, 24),
    env.WHATSAPP_APP_SECRET ?? stored(WEBHOOK_SETTING_KEYS.appSecret, 24),
    env.WHATSAPP_VERIFY_TOKEN ?? stored(WEBHOOK_SETTING_KEYS.verifyToken, 18),
  ]);
  return {
    webhookKey,
    appSecret,
    verifyToken,
    fromEnv: {
      webhookKey: env.WHATSAPP_WEBHOOK_KEY !== undefined,
      appSecret: env.WHATSAPP_APP_SECRET !== undefined,
      verifyToken: env.WHATSAPP_VERIFY_TOKEN !== undefined,
    },
  };
}

export async function getWebhookConfig(): Promise<WebhookConfig> {
  const { cached } = state;
  if (cached && Date.now() - cached.loadedAt < TTL_MS) return cached.config;
  if (!state.loading) {
    const startedIn = state.generation;
    const load = loadWebhookConfig()
      .then((config) => {
        // A load that started before invalidateWebhookConfig() must not cache the old values.
        if (state.generation === startedIn) state.cached = { config, loadedAt: Date.now() };
        return config;
      })
      .finally(() => {
        if (state.loading === load) state.loading = undefined;
      });
    state.loading = load;
  }
  // A stale config keeps webhooks flowing while a refresh is in flight or the database blips.
  if (cached) return state.loading.catch(() => cached.config);
  return state.loading;
}

/** Call after changing a webhook setting: every bundle of this process uses the new value next. */
export function invalidateWebhookConfig(): void {
  state.generation += 1;
  state.cached = undefined;
  state.loading = undefined;
}
