// npm start — everything a fresh machine needs, in order: a database (the embedded one when
// DATABASE_URL is unset), migrations, a build when sources changed, then `next start`.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { appUrl, getEnv, reloadEnv } from "@/lib/env";
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
  const stopDatabase = async () => {
    await embedded?.stop().catch((error: unknown) => console.error("[start] stopping Postgres failed", error));
  };
  try {
    runPrisma(["migrate", "deploy"]);
    buildIfNeeded({ root });
    writeRuntimeFile({ dataDir: env.DATA_DIR, runtime: { databaseUrl: embedded?.url, appUrl: appUrl() } });
    await printWebhookSetup();
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  // By default one processing worker runs beside the server, woken by Postgres as events are
  // stored: the server's single request thread then only acknowledges (README → Speed).
  const workers = env.WORKERS;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
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
    await stopDatabase();
    process.exit(expected ? 0 : (code ?? 1));
  });
}

async function printWebhookSetup() {
  const { getWebhookConfig } = await import("@/lib/inbox/webhook-config");
  const { getDb } = await import("@/lib/db/client");
  const config = await getWebhookConfig();
  await getDb().$disconnect();
  const callback = `${appUrl()}/api/webhooks/whatsapp/${config.webhookKey}`;
  console.log(
    [
      "",
      "  WhatsApp webhook — paste into Meta's app dashboard (WhatsApp → Configuration):",
      `    Callback URL:  ${callback}`,
      `    Verify token:  ${config.fromEnv.verifyToken ? "(from WHATSAPP_VERIFY_TOKEN)" : config.verifyToken}`,
      config.fromEnv.appSecret
        ? "    App Secret:    from WHATSAPP_APP_SECRET"
        : "    App Secret:    not set — using a generated local secret (npm run simulate signs with it).\n" +
          "                   Set WHATSAPP_APP_SECRET to your app's secret (App Settings → Basic) for real traffic.",
      "",
      `  Open ${appUrl()} — on the first visit it asks you to create the first admin account.`,
      "",
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
