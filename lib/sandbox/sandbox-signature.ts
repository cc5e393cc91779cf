import "server-only";
import { getEnv } from "@/lib/env";
import { verifySignature } from "@/lib/whatsapp/signature";
import { getSandboxMode } from "./sandbox-mode";

/**
 * A webhook the sandbox signed with its own secret (never a real App Secret, README → Sandbox):
 * it counts only while the sandbox is available, so once a real number is connected (and
 * SANDBOX=on is not set) nothing the stand-in posts is believed.
 */
export async function signedBySandbox({ body, header }: { body: Uint8Array; header: string | null }): Promise<boolean> {
  const secret = getEnv().SANDBOX_WEBHOOK_SECRET;
  if (!secret || !verifySignature({ body, header, appSecret: secret })) return false;
  return (await getSandboxMode()).available;
}
