import "server-only";
import { getDb } from "@/lib/db/client";
import { getSetting } from "@/lib/db/settings";
import { getEnv } from "@/lib/env";
import { SANDBOX_ACCESS_TOKEN } from "@/lib/sandbox/token";
import { readStoredSecret } from "./stored-secrets";
import {
  DEFAULT_GRAPH_API_VERSION,
  DEFAULT_READ_RECEIPTS,
  READ_RECEIPT_MODES,
  type ReadReceiptMode,
  WHATSAPP_SETTINGS,
} from "./whatsapp-settings";

export type GraphApiConfig = {
  baseUrl: string;
  version: string;
  accessToken: string | null;
  /** Sandbox mode: no access token is configured, so the app talks to the sandbox's stand-in (README → Sandbox). */
  sandbox: boolean;
};

/**
 * Where and with which token to call the Graph API (sending, tests). Environment values win. With
 * no token configured and a sandbox running (SANDBOX_URL, SANDBOX not "off"), the sandbox's.
 */
export async function getGraphApiConfig(): Promise<GraphApiConfig> {
  const env = getEnv();
  const db = getDb();
  const [accessToken, version] = await Promise.all([
    env.WHATSAPP_ACCESS_TOKEN ?? readStoredSecret({ db, key: WHATSAPP_SETTINGS.accessToken.key }),
    env.WHATSAPP_GRAPH_API_VERSION ?? getSetting({ db, key: WHATSAPP_SETTINGS.graphApiVersion.key }),
  ]);
  const resolvedVersion = version ?? DEFAULT_GRAPH_API_VERSION;
  if (!accessToken && env.SANDBOX_URL && env.SANDBOX !== "off") {
    return { baseUrl: env.SANDBOX_URL, version: resolvedVersion, accessToken: SANDBOX_ACCESS_TOKEN, sandbox: true };
  }
  return { baseUrl: env.WHATSAPP_GRAPH_API_URL, version: resolvedVersion, accessToken, sandbox: false };
}

/** When customers get blue ticks (Settings → WhatsApp connection; WHATSAPP_READ_RECEIPTS wins). */
export async function getReadReceiptMode(): Promise<ReadReceiptMode> {
  const configured =
    getEnv().WHATSAPP_READ_RECEIPTS ?? (await getSetting({ db: getDb(), key: WHATSAPP_SETTINGS.readReceipts.key }));
  return READ_RECEIPT_MODES.find((mode) => mode === configured) ?? DEFAULT_READ_RECEIPTS;
}
