// npm start — everything a fresh machine needs, in order: a database (the embedded one when
// DATABASE_URL is unset), migrations, a build when sources changed, then `next start`.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { appUrl, getEnv, reloadEnv } from "@/lib/env";
import { type LocalRealtime, startLocalRealtime } from "@/lib/realtime/start-local-server";
import { buildIfNeeded } from "./build-if-needed";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./embedded-postgres";
import { runPrisma } from "./prisma";
import { writeRuntimeFile } from "./runtime-file";

const root = process.cwd();

async function main() {
  const env = getEnv();
  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    console.log(`[start] DATABASE_URL is not set: starting the embedded Postgres (data in ${env.DATA_DIR}/postgres)`);
    embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, database: "inbox" });
    process.env.DATABASE_URL = embedded.url;
    reloadEnv();
  }
  let realtime: LocalRealtime | null = null;
  const stopServices = async () => {
    await realtime
      ?.close()
      .catch((error: unknown) => console.error("[start] stopping the Pusher server failed", error));
    await embedded?.stop().catch((error: unknown) => console.error("[start] stopping Postgres failed", error));
  };
  try {
    runPrisma(["migrate", "deploy"]);
    buildIfNeeded({ root });
    writeRuntimeFile({ dataDir: env.DATA_DIR, runtime: { databaseUrl: embedded?.url, appUrl: appUrl() } });
    await printWebhookSetup();
    // With no PUSHER_* configured, realtime goes through the bundled server, run right here.
    realtime = await startLocalRealtime(env);
  } catch (error) {
    await stopServices();
    throw error;
  }

  // By default one processing worker runs beside the server, woken by Postgres as events are
  // stored: the server's single request thread then only acknowledges (README → Speed).
  const workers = env.WORKERS;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...realtime?.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const server = spawn(
    process.execPath,
    [join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(env.PORT)],
    {
      cwd: root,
      stdio: "inherit",
      env: workers > 0 ? { ...childEnv, PROCESS_AFTER_ACK: "false" } : childEnv,
    },
  );
  let stopping = false;
  const workerProcesses = new Set<ChildProcess>();
  const startWorker = () => {
    const worker = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", join(root, "lib/cli/worker.ts")],
      {
        cwd: root,
        stdio: "inherit",
        env: childEnv,
      },
    );
    workerProcesses.add(worker);
    worker.on("exit", (code) => {
      workerProcesses.delete(worker);
      if (stopping) return;
      console.error(`[start] processing worker exited (${code}); restarting it`);
      setTimeout(startWorker, 1_000);
    });
  };
  for (let index = 0; index < workers; index += 1) startWorker();

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of workerProcesses) worker.kill(signal);
    server.kill(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  server.on("exit", async (code) => {
    const expected = stopping;
    stopping = true;
    for (const worker of workerProcesses) worker.kill("SIGTERM");
    await stopServices();
    process.exit(expected ? 0 : (code ?? 1));
  });
}

// Secrets never reach the console (a production server's stdout is its log): the key and tokens
// are masked, and the settings page is where an admin gets values to paste into Meta.
async function printWebhookSetup() {
  // Load the configuration under the server's rules: it runs in production mode, where a missing
  // APP_ENCRYPTION_KEY on an external database stops here with that message instead of later.
  Object.assign(process.env, { NODE_ENV: "production" });
  reloadEnv();
  const { getWebhookConfig } = await import("@/lib/inbox/webhook-config");
  const { maskSecret } = await import("@/lib/settings/encryption");
  const { getDb } = await import("@/lib/db/client");
  const config = await getWebhookConfig();
  await getDb().$disconnect();
  const key = config.fromEnv.webhookKey ? "<WHATSAPP_WEBHOOK_KEY>" : maskSecret(config.webhookKey);
  console.log(
    [
      "",
      "  WhatsApp webhook (Meta's app dashboard → WhatsApp → Configuration):",
      `    Callback URL:  ${appUrl()}/api/webhooks/whatsapp/${key}`,
      `    Verify token:  ${config.fromEnv.verifyToken ? "from WHATSAPP_VERIFY_TOKEN" : "stored encrypted"}`,
      config.fromEnv.appSecret
        ? "    App Secret:    from WHATSAPP_APP_SECRET"
        : "    App Secret:    stored encrypted (generated locally until you save your app's; npm run simulate signs with it).",
      "",
      `  Open ${appUrl()}/settings/whatsapp as an admin to rotate the webhook key (shows the full URL once),`,
      "  generate a verify token and save the App Secret and access token. On the first visit the app asks",
      "  you to create the first admin account.",
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
