import "server-only";
import type { Env } from "@/lib/env";
import { getLocalPusherServerConfig, localPusherEnv, usesLocalPusherServer } from "./local-server-config";
import { startPusherServer } from "./pusher-server";

export type LocalRealtime = {
  /** PUSHER_* for the server and the workers, pointing them at this server. */
  env: Record<string, string>;
  close: () => Promise<void>;
};

/**
 * `npm start` with no PUSHER_* configured: runs the bundled Pusher-protocol server in the start
 * process itself (it needs no database and little CPU), so a new install is live without a
 * Pusher account. Returns null when PUSHER_* points elsewhere.
 */
export async function startLocalRealtime(env: Env): Promise<LocalRealtime | null> {
  if (!usesLocalPusherServer(env)) return null;
  const config = getLocalPusherServerConfig(env);
  const server = await startPusherServer({
    appId: config.appId,
    key: config.key,
    secret: config.secret,
    host: env.PUSHER_LOCAL_HOST,
    port: config.port,
    // Every page signs its socket in; one that does not cannot be ended on deactivation, so it goes.
    userAuthenticationTimeoutSeconds: 30,
  }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    throw new Error(
      `PUSHER_LOCAL_PORT ${config.port} is in use (another npm start?). Stop that process, choose another ` +
        "PUSHER_LOCAL_PORT, or set PUSHER_* to use Pusher or your own Pusher-protocol server.",
    );
  });
  console.log(
    `[start] realtime: local Pusher-protocol server on ws://${server.host}:${server.port} ` +
      "(set PUSHER_* to use Pusher or your own server instead)",
  );
  return { env: localPusherEnv(config), close: () => server.close() };
}
