import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { usesEmbeddedDatabase } from "@/lib/auth/secret";
import { type Env, getEnv } from "@/lib/env";
import { decodeEncryptionKey } from "./encryption";

const KEY_FILE = "encryption-key";

export class EncryptionKeyMissingError extends Error {
  constructor() {
    super(
      "APP_ENCRYPTION_KEY is required in production: set it to 32 random bytes (openssl rand -base64 32), " +
        "the same on every server, to store WhatsApp secrets encrypted.",
    );
    this.name = "EncryptionKeyMissingError";
  }
}

export type EncryptionKeySource = "env" | "file";

/**
 * The key that encrypts stored secrets. APP_ENCRYPTION_KEY wins. Without it, a development server
 * or the embedded-database install generates one into DATA_DIR (next to the database it protects,
 * like the session secret). A production server on an external database must be given one: every
 * server has to decrypt what another stored, and a key generated on one machine would strand them.
 */
export function getEncryptionKey(env: Env = getEnv()): { key: Buffer; source: EncryptionKeySource } {
  if (env.APP_ENCRYPTION_KEY) {
    const key = decodeEncryptionKey(env.APP_ENCRYPTION_KEY);
    if (key) return { key, source: "env" };
  }
  if (env.NODE_ENV === "production" && !usesEmbeddedDatabase(env)) throw new EncryptionKeyMissingError();
  return { key: readOrCreateKeyFile(resolve(env.DATA_DIR)), source: "file" };
}

function readOrCreateKeyFile(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  const read = () => {
    const key = decodeEncryptionKey(readFileSync(path, "utf8"));
    if (!key) throw new Error(`${path} does not hold a 32-byte key; restore it or set APP_ENCRYPTION_KEY`);
    return key;
  };
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    // "wx": when two processes start at once, the second one's write fails and it reads the first's.
    writeFileSync(path, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return read();
}
