import "server-only";
import { getDb } from "@/lib/db/client";
import { getSetting } from "@/lib/db/settings";
import { getEnv } from "@/lib/env";
import { readStoredSecret } from "./stored-secrets";
import { DEFAULT_GRAPH_API_VERSION, WHATSAPP_SETTINGS } from "./whatsapp-settings";

export type GraphApiConfig = { baseUrl: string; version: string; accessToken: string | null };

/** Where and with which token to call the Graph API (sending, tests). Environment values win. */
export async function getGraphApiConfig(): Promise<GraphApiConfig> {
  const env = getEnv();
  const db = getDb();
  const [accessToken, version] = await Promise.all([
    env.WHATSAPP_ACCESS_TOKEN ?? readStoredSecret({ db, key: WHATSAPP_SETTINGS.accessToken.key }),
    env.WHATSAPP_GRAPH_API_VERSION ?? getSetting({ db, key: WHATSAPP_SETTINGS.graphApiVersion.key }),
  ]);
  return { baseUrl: env.WHATSAPP_GRAPH_API_URL, version: version ?? DEFAULT_GRAPH_API_VERSION, accessToken };
}
