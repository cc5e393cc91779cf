import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readRuntimeFile } from "@/lib/runtime-file";
import { type Env, getEnv } from "@/lib/env";

const SECRET_FILE = "auth-secret";

/**
 * The key that signs session cookies. BETTER_AUTH_SECRET (or AUTH_SECRET) wins. Without one, a
 * development server or the embedded-database install (`npm start` with no DATABASE_URL) generates
 * one and keeps it in DATA_DIR, like the database itself, so sessions survive restarts. A
 * production server on an external database must be given one: several servers have to share it,
 * and a secret silently generated on one of them would log everyone out on the others.
 */
export function getAuthSecret(env: Env = getEnv()): string {
  const configured = env.BETTER_AUTH_SECRET ?? env.AUTH_SECRET;
  if (configured) return configured;
  if (env.NODE_ENV === "production" && !usesEmbeddedDatabase(env)) {
    throw new Error(
      "BETTER_AUTH_SECRET is required in production: set it to a random value of at least 32 characters " +
        "(openssl rand -base64 32), the same on every server.",
    );
  }
  return readOrCreateSecretFile(resolve(env.DATA_DIR));
}

/** True when DATABASE_URL is the embedded Postgres `npm start` runs (a single-machine install). */
export function usesEmbeddedDatabase(env: Env): boolean {
  const runtime = readRuntimeFile(env.DATA_DIR);
  return Boolean(runtime?.databaseUrl && runtime.databaseUrl === env.DATABASE_URL);
}

function readOrCreateSecretFile(dataDir: string): string {
  const path = join(dataDir, SECRET_FILE);
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    try {
      // "wx": when two processes start at once, the second one's write fails and it reads the first's.
      writeFileSync(path, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    return readFileSync(path, "utf8").trim();
  }
}
