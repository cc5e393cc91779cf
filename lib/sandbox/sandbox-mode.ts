import "server-only";
import { getEnv } from "@/lib/env";
import { getGraphApiConfig } from "@/lib/settings/get-graph-api-config";

export type SandboxMode = {
  /** The app sends to the sandbox (no access token configured): every page says so. */
  active: boolean;
  /** The simulator and its routes answer: in sandbox mode, or with real credentials only under SANDBOX=on. */
  available: boolean;
  /** The stand-in's base URL (its control API is under /_sandbox). */
  url: string | null;
};

export async function getSandboxMode(): Promise<SandboxMode> {
  const env = getEnv();
  if (!env.SANDBOX_URL || env.SANDBOX === "off") return { active: false, available: false, url: null };
  const { sandbox } = await getGraphApiConfig();
  return { active: sandbox, available: sandbox || env.SANDBOX === "on", url: env.SANDBOX_URL };
}
