// Secrets at rest: AES-256-GCM with a random 96-bit nonce per value. Pure (node:crypto only), so
// lib/env can validate the key with it and unit tests can run it without a database.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** Stored form: `enc:v1:` + base64url(nonce ‖ tag ‖ ciphertext). Plaintext never has this prefix. */
const PREFIX = "enc:v1:";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecryptionError";
  }
}

/**
 * The 32 key bytes from their text form: 64 hex digits, or base64 / base64url. Null when the text
 * is neither or does not decode to exactly 32 bytes (a truncated paste must not pass as a key).
 */
export function decodeEncryptionKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return null;
  const bytes = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return bytes.length === KEY_BYTES ? bytes : null;
}

export function isEncrypted(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/**
 * `context` (the setting's name) is authenticated with the value: a ciphertext copied from one
 * setting into another fails to decrypt instead of silently becoming, say, the App Secret.
 */
export function encryptSecret({
  key,
  plaintext,
  context,
}: {
  key: Buffer;
  plaintext: string;
  context: string;
}): string {
  assertKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]).toString("base64url");
}

export function decryptSecret({ key, stored, context }: { key: Buffer; stored: string; context: string }): string {
  assertKey(key);
  if (!isEncrypted(stored)) throw new DecryptionError(`${context} is not an encrypted value`);
  const bytes = Buffer.from(stored.slice(PREFIX.length), "base64url");
  if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new DecryptionError(`${context}: the stored value is truncated`);
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError(
      `${context} cannot be decrypted: it was encrypted with a different APP_ENCRYPTION_KEY, or the stored value was altered`,
    );
  }
}

/**
 * What a person may see of a secret: the last 4 characters, and only when the value is long enough
 * that 4 characters give nothing useful away. The bullets never reveal the length.
 */
export function maskSecret(value: string): string {
  return value.length >= 16 ? `••••••••${value.slice(-4)}` : "••••••••";
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`the encryption key must be ${KEY_BYTES} bytes, got ${key.length}`);
}
