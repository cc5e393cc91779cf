// Saving one WhatsApp setting from the browser; the answer never contains a secret in full.
import { requestJson } from "@/lib/queries/request-json";
import type { WhatsAppSettingName } from "@/lib/views/settings";

export async function saveWhatsAppSetting(
  setting: WhatsAppSettingName,
  value: string | null,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await requestJson("/api/settings/whatsapp", { method: "PATCH", body: { setting, value } });
  if (result.ok) return { ok: true };
  // The field is obvious from the form the message appears under.
  return { ok: false, message: result.message.replace(/^value: /, "") };
}

/** A random token from the browser's CSPRNG, base64url: the server never has to send it back. */
export function randomToken(bytes: number): string {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...data))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
