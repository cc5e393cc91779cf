// CLI: runs the bundled Pusher-compatible server. `npx tsx lib/realtime/serve-pusher.ts`
// Reads PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET, PUSHER_PORT (default 6001) and PUSHER_BIND_HOST
// (default 127.0.0.1; 0.0.0.0 inside a container). Without PUSHER_SECRET a random one is made per run,
// which only suits clients that get it from the same process — so it is never printed.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { startPusherServer, type RunningPusherServer } from "./pusher-server";

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

const cliEnvSchema = z.object({
  PUSHER_APP_ID: z.preprocess(blankToUndefined, z.string().default("local")),
  PUSHER_KEY: z.preprocess(blankToUndefined, z.string().default("local-key")),
  PUSHER_SECRET: z.preprocess(blankToUndefined, z.string().optional()),
  PUSHER_PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(6001)),
  PUSHER_BIND_HOST: z.preprocess(blankToUndefined, z.string().default("127.0.0.1")),
});

export async function servePusher(env: NodeJS.ProcessEnv = process.env): Promise<RunningPusherServer> {
  const parsed = cliEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid Pusher server configuration:\n${lines.join("\n")}`);
  }
  const config = parsed.data;
  const server = await startPusherServer({
    appId: config.PUSHER_APP_ID,
    key: config.PUSHER_KEY,
    secret: config.PUSHER_SECRET ?? randomBytes(24).toString("hex"),
    host: config.PUSHER_BIND_HOST,
    port: config.PUSHER_PORT,
  });
  console.log(
    `[pusher-server] listening on ws://${server.host}:${server.port} (app ${config.PUSHER_APP_ID}, key ${config.PUSHER_KEY})`,
  );
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  servePusher().then(
    (server) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        console.log(`[pusher-server] ${signal}: closing connections`);
        server.close().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error("[pusher-server] shutdown failed", error);
            process.exit(1);
          },
        );
      };
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
