// Secrets at rest: AES-256-GCM round trip, and every way a stored value can be wrong is refused.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decodeEncryptionKey,
  decryptSecret,
  DecryptionError,
  encryptSecret,
  isEncrypted,
  maskSecret,
} from "../../lib/settings/encryption";

const key = randomBytes(32);
const context = "whatsapp.app_secret";
const secret = "0123456789abcdef0123456789abcdef";

/** Flips one bit of the decoded payload at `index` (0–11 nonce, 12–27 tag, then ciphertext). */
function flipBit(stored: string, index: number): string {
  const prefix = "enc:v1:";
  const bytes = Buffer.from(stored.slice(prefix.length), "base64url");
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return prefix + bytes.toString("base64url");
}

describe("encryptSecret / decryptSecret", () => {
  it("round-trips, including non-ASCII text", () => {
    for (const plaintext of [secret, "EAAG…token-ñ-✓-😀", "x"]) {
      const stored = encryptSecret({ key, plaintext, context });
      expect(decryptSecret({ key, stored, context })).toBe(plaintext);
    }
  });

  it("stores ciphertext that does not contain the plaintext, with a fresh nonce each time", () => {
    const first = encryptSecret({ key, plaintext: secret, context });
    const second = encryptSecret({ key, plaintext: secret, context });
    expect(isEncrypted(first)).toBe(true);
    expect(first).not.toContain(secret);
    expect(Buffer.from(first.slice(7), "base64url").toString("latin1")).not.toContain(secret);
    expect(first).not.toBe(second);
  });

  it("detects tampering with the nonce, the tag or the ciphertext", () => {
    const stored = encryptSecret({ key, plaintext: secret, context });
    for (const index of [0, 11, 12, 27, 28, 28 + secret.length - 1]) {
      expect(() => decryptSecret({ key, stored: flipBit(stored, index), context }), `byte ${index}`).toThrow(
        DecryptionError,
      );
    }
    expect(() => decryptSecret({ key, stored: stored.slice(0, 20), context })).toThrow(DecryptionError);
  });

  it("refuses a different key, naming APP_ENCRYPTION_KEY", () => {
    const stored = encryptSecret({ key, plaintext: secret, context });
    expect(() => decryptSecret({ key: randomBytes(32), stored, context })).toThrow(/APP_ENCRYPTION_KEY/);
  });

  it("binds a value to its setting: a ciphertext moved to another setting does not decrypt", () => {
    const stored = encryptSecret({ key, plaintext: secret, context: "whatsapp.access_token" });
    expect(() => decryptSecret({ key, stored, context })).toThrow(DecryptionError);
  });

  it("treats values without the prefix as plaintext from earlier versions", () => {
    expect(isEncrypted("Zm9vYmFyYmF6cXV4cXV1eA")).toBe(false);
    expect(() => decryptSecret({ key, stored: "plain", context })).toThrow(/not an encrypted value/);
  });

  it("refuses keys that are not 32 bytes", () => {
    expect(() => encryptSecret({ key: randomBytes(16), plaintext: secret, context })).toThrow(/32 bytes/);
  });
});

describe("decodeEncryptionKey", () => {
  const bytes = randomBytes(32);
  it("accepts hex, base64 and base64url encodings of 32 bytes", () => {
    expect(decodeEncryptionKey(bytes.toString("hex"))).toEqual(bytes);
    expect(decodeEncryptionKey(bytes.toString("base64"))).toEqual(bytes);
    expect(decodeEncryptionKey(bytes.toString("base64url"))).toEqual(bytes);
    expect(decodeEncryptionKey(`  ${bytes.toString("base64")}\n`)).toEqual(bytes);
  });

  it("rejects other lengths and other text", () => {
    expect(decodeEncryptionKey(randomBytes(31).toString("base64"))).toBeNull();
    expect(decodeEncryptionKey(randomBytes(33).toString("hex"))).toBeNull();
    expect(decodeEncryptionKey("correct horse battery staple")).toBeNull();
    expect(decodeEncryptionKey("")).toBeNull();
  });
});

describe("maskSecret", () => {
  it("shows the last 4 characters of long values and nothing of short ones", () => {
    expect(maskSecret(secret)).toBe("••••••••cdef");
    expect(maskSecret("short-token")).toBe("••••••••");
    expect(maskSecret(secret)).not.toContain(secret.slice(0, 8));
  });
});
