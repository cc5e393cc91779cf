import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "sha256=";
const HEX_DIGEST = /^[0-9a-fA-F]{64}$/;

/**
 * The X-Hub-Signature-256 value Meta would send for these exact bytes. Meta signs the bytes it
 * sends (with escaped unicode such as "\u00e9" and "\/"), so callers must pass the raw body,
 * never a re-serialised object.
 */
export function signPayload(body: string | Uint8Array, appSecret: string): string {
  return PREFIX + createHmac("sha256", appSecret).update(body).digest("hex");
}

/** Never throws: an unverifiable request is simply not verified. */
export function verifySignature({
  body,
  header,
  appSecret,
}: {
  body: Uint8Array;
  header: string | null;
  appSecret: string;
}): boolean {
  try {
    // An unset secret would make every attacker's empty-key HMAC valid.
    if (!appSecret || !header || !header.startsWith(PREFIX)) return false;
    const hex = header.slice(PREFIX.length);
    if (!HEX_DIGEST.test(hex)) return false;
    const received = Buffer.from(hex, "hex");
    const expected = createHmac("sha256", appSecret).update(body).digest();
    return received.length === expected.length && timingSafeEqual(received, expected);
  } catch {
    return false;
  }
}
