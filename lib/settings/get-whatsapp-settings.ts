import "server-only";
import { findAuditedTargets } from "@/lib/db/audit-logs";
import { getDb } from "@/lib/db/client";
import { findSettingRows } from "@/lib/db/settings";
import { appUrl, getEnv } from "@/lib/env";
import { getWebhookConfig } from "@/lib/settings/webhook-config";
import { DecryptionError, decryptSecret, isEncrypted, maskSecret } from "./encryption";
import { EncryptionKeyMissingError, getEncryptionKey } from "./encryption-key";
import type { WhatsAppSettingName } from "@/lib/views/settings";
import { DEFAULT_GRAPH_API_VERSION, WHATSAPP_SETTING_NAMES, WHATSAPP_SETTINGS } from "./whatsapp-settings";
import type { SettingView } from "@/lib/views/settings";
import type { WhatsAppSettingsView } from "@/lib/views/settings";

/** Everything the settings page shows about the WhatsApp connection; no secret in full. */
export async function getWhatsAppSettings(): Promise<WhatsAppSettingsView> {
  const env = getEnv();
  const db = getDb();
  // Loading the webhook configuration generates the values nobody configured yet.
  const webhook = await getWebhookConfig().catch(() => null);
  const rows = await findSettingRows({ db, keys: WHATSAPP_SETTING_NAMES.map((name) => WHATSAPP_SETTINGS[name].key) });
  const audited = await findAuditedTargets({ db, targets: rows.map((row) => row.key) });
  const byKey = new Map(rows.map((row) => [row.key, row]));

  let encryption: WhatsAppSettingsView["encryption"];
  let key: Buffer | null = null;
  try {
    const resolved = getEncryptionKey(env);
    key = resolved.key;
    encryption = { ready: true, source: resolved.source, problem: null };
  } catch (error) {
    if (!(error instanceof EncryptionKeyMissingError)) throw error;
    encryption = { ready: false, source: null, problem: error.message };
  }

  const view = (name: WhatsAppSettingName): SettingView => {
    const definition = WHATSAPP_SETTINGS[name];
    const base = { name, label: definition.label, envVar: definition.envVar, generated: false, problem: null };
    const show = (value: string) => (definition.secret ? maskSecret(value) : value);
    const fromEnv = env[definition.envVar];
    if (typeof fromEnv === "string") return { ...base, source: "env", display: show(fromEnv), updatedAt: null };
    const row = byKey.get(definition.key);
    if (!row) return { ...base, source: "unset", display: null, updatedAt: null };
    const stored = { ...base, source: "stored" as const, updatedAt: row.updatedAt.toISOString() };
    const generated = definition.secret && name !== "accessToken" && !audited.has(definition.key);
    if (!definition.secret || !isEncrypted(row.value)) return { ...stored, generated, display: show(row.value) };
    if (!key) return { ...stored, generated, display: null, problem: encryption.problem };
    try {
      return {
        ...stored,
        generated,
        display: show(decryptSecret({ key, stored: row.value, context: definition.key })),
      };
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      return { ...stored, generated, display: null, problem: error.message };
    }
  };

  const settings = Object.fromEntries(WHATSAPP_SETTING_NAMES.map((name) => [name, view(name)])) as Record<
    WhatsAppSettingName,
    SettingView
  >;
  const callbackUrlBase = `${appUrl(env)}/api/webhooks/whatsapp/`;
  return {
    settings,
    callbackUrlMasked: `${callbackUrlBase}${webhook ? maskSecret(webhook.webhookKey) : "…"}`,
    callbackUrlBase,
    graphApiUrl: env.WHATSAPP_GRAPH_API_URL,
    graphApiVersion: settings.graphApiVersion.display ?? DEFAULT_GRAPH_API_VERSION,
    encryption,
  };
}
