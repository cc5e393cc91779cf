import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import type { Env } from "@/lib/env";

const CREDENTIALS_FILE = "pusher-local.json";

const credentialsSchema = z.object({ appId: z.string().min(1), key: z.string().min(1), secret: z.string().min(16) });
export type LocalPusherCredentials = z.infer<typeof credentialsSchema>;

/** Where the app finds the local Pusher-protocol server, and the credentials both sides share. */
export type LocalPusherServerConfig = LocalPusherCredentials & { host: string; port: number };

/** True when no PUSHER_* connection is configured: the app then uses the local server. */
export function usesLocalPusherServer(env: Env): boolean {
  return !env.PUSHER_APP_ID && !env.PUSHER_KEY && !env.PUSHER_SECRET && !env.PUSHER_CLUSTER && !env.PUSHER_HOST;
}

/**
 * The local server's settings. Its app id, key and secret are generated once and kept in DATA_DIR
 * (mode 600), like the session secret, so that `npm start`, the server, the workers and a
 * separately started `npm run worker` all agree, and browsers keep their key across restarts.
 */
export function getLocalPusherServerConfig(env: Env): LocalPusherServerConfig {
  // A server bound to every interface is still reached over loopback from this machine.
  const anyAddress = ["0.0.0.0", "::", "[::]"].includes(env.PUSHER_LOCAL_HOST);
  const host = anyAddress ? "127.0.0.1" : env.PUSHER_LOCAL_HOST;
  return { ...readOrCreateCredentials(resolve(env.DATA_DIR)), host, port: env.PUSHER_LOCAL_PORT };
}

/** The environment that points the server and workers at the local server (their lib/env reads it). */
export function localPusherEnv(config: LocalPusherServerConfig): Record<string, string> {
  return {
    PUSHER_APP_ID: config.appId,
    PUSHER_KEY: config.key,
    PUSHER_SECRET: config.secret,
    PUSHER_HOST: config.host,
    PUSHER_PORT: String(config.port),
    PUSHER_USE_TLS: "false",
  };
}

function readOrCreateCredentials(dataDir: string): LocalPusherCredentials {
  const path = join(dataDir, CREDENTIALS_FILE);
  const read = () => credentialsSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new Error(`${path} is not valid: delete it to generate new local Pusher credentials`);
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const credentials: LocalPusherCredentials = {
    appId: `local-${randomBytes(4).toString("hex")}`,
    key: `local-${randomBytes(10).toString("hex")}`,
    secret: randomBytes(32).toString("base64url"),
  };
  try {
    // "wx": when two processes start at once, the second one's write fails and it reads the first's.
    writeFileSync(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return read();
}
