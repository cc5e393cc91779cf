// npm start — everything a fresh machine needs, in order: a database (the embedded one when
// DATABASE_URL is unset), migrations, a build when sources changed, then `next start`.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { appUrl, getEnv, reloadEnv } from "@/lib/env";
import { type LocalRealtime, startLocalRealtime } from "@/lib/realtime/start-local-server";
import { buildIfNeeded } from "./build-if-needed";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./embedded-postgres";
import { runPrisma } from "./prisma";
import { superviseUnlessSupervised } from "./supervise";
import { writeRuntimeFile } from "@/lib/runtime-file";
import type { GraphSandbox } from "@/lib/sandbox/graph-api";
import type { RunningSandbox } from "@/lib/sandbox/run-sandbox";

const root = process.cwd();

async function main() {
  const env = getEnv();
  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    console.log(`[start] DATABASE_URL is not set: starting the embedded Postgres (data in ${env.DATA_DIR}/postgres)`);
    embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, database: "inbox", stopsItself: false });
    process.env.DATABASE_URL = embedded.url;
    reloadEnv();
  }
  let realtime: LocalRealtime | null = null;
  let sandbox: RunningSandbox | null = null;
  const stopServices = async () => {
    await sandbox?.close().catch((error: unknown) => console.error("[start] stopping the sandbox failed", error));
    await realtime
      ?.close()
      .catch((error: unknown) => console.error("[start] stopping the Pusher server failed", error));
    await embedded?.stop().catch((error: unknown) => console.error("[start] stopping Postgres failed", error));
  };
  // Stopped while still starting (migrations, a build): what is up goes down, Postgres included.
  const stopWhileStarting = () =>
    void stopServices().then(() => {
      console.log("[start] stopped before the app was up");
      process.exit(1);
    });
  process.once("SIGINT", stopWhileStarting);
  process.once("SIGTERM", stopWhileStarting);
  try {
    const migrated = runPrisma(["migrate", "deploy"], {}, { quiet: true });
    const applied = /The following migration\(s\) have been applied/.test(migrated);
    console.log(`[start] database ready${applied ? " (new migrations applied)" : ""}`);
    buildIfNeeded({ root });
    writeRuntimeFile({ dataDir: env.DATA_DIR, runtime: { databaseUrl: embedded?.url, appUrl: appUrl() } });
    await printWebhookSetup();
    // With no PUSHER_* configured, realtime goes through the bundled server, run right here.
    realtime = await startLocalRealtime(env);
    sandbox = await startSandboxIfWanted();
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
    ...(sandbox ? { SANDBOX_URL: sandbox.url, SANDBOX_WEBHOOK_SECRET: sandbox.webhookSecret } : {}),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // The pusher SDK's HTTP client calls url.parse() (DEP0169): a warning nobody running the app can act on.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--disable-warning=DEP0169"].filter(Boolean).join(" "),
  };
  const server = spawn(
    process.execPath,
    [join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(env.PORT)],
    {
      cwd: root,
      stdio: "inherit",
      env: workers > 0 ? { ...childEnv, PROCESS_AFTER_ACK: "false", SEND_WORKER: "off" } : childEnv,
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
  const seeding = sandbox ? seedDemoWhenReady(sandbox, env.PORT, () => stopping) : Promise.resolve();

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of workerProcesses) worker.kill(signal);
    server.kill(signal);
  };
  process.off("SIGINT", stopWhileStarting);
  process.off("SIGTERM", stopWhileStarting);
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  server.on("exit", async (code) => {
    const expected = stopping;
    stopping = true;
    for (const worker of workerProcesses) worker.kill("SIGTERM");
    // Postgres stops only after the workers are gone: stopping it under them would end their
    // connections mid-query (57P01) and fill a clean Ctrl-C with their errors.
    await exited([...workerProcesses], WORKER_STOP_MS);
    // The same for the demo's seeding, if a quick Ctrl-C came while it ran.
    await Promise.race([seeding, new Promise((resolve) => setTimeout(resolve, WORKER_STOP_MS))]);
    await stopServices();
    if (expected) console.log("[start] stopped");
    process.exit(expected ? 0 : (code ?? 1));
  });
}

const WORKER_STOP_MS = 10_000;

/**
 * Sandbox mode (README → Sandbox): with no access token configured (SANDBOX=auto) or SANDBOX=on,
 * the Graph API stand-in runs here, beside the bundled Pusher server, and the app sends to it.
 */
async function startSandboxIfWanted(): Promise<RunningSandbox | null> {
  const env = getEnv();
  if (env.SANDBOX === "off") return null;
  if (env.SANDBOX === "auto") {
    if (env.WHATSAPP_ACCESS_TOKEN) return null;
    const { getDb } = await import("@/lib/db/client");
    const { readStoredSecret } = await import("@/lib/settings/stored-secrets");
    const { WHATSAPP_SETTINGS } = await import("@/lib/settings/whatsapp-settings");
    if (await readStoredSecret({ db: getDb(), key: WHATSAPP_SETTINGS.accessToken.key })) return null;
  }
  const { runSandbox } = await import("@/lib/sandbox/run-sandbox");
  const sandbox = await runSandbox({
    port: env.SANDBOX_PORT,
    appPort: env.PORT,
    statusDelayMs: env.SANDBOX_STATUS_DELAY_MS,
  });
  console.log(
    [
      `  Sandbox mode: no access token is configured, so messages go to simulated customers.`,
      `    Meta's side runs on ${sandbox.url}; play the customers at ${appUrl()}/sandbox.`,
      `    Save an access token on Settings → WhatsApp connection (or set WHATSAPP_ACCESS_TOKEN) to leave it.`,
      "",
    ].join("\n"),
  );
  return sandbox;
}

/**
 * The demo's history goes through the app's webhook endpoint, so it waits for the server to answer.
 * Stopped meanwhile: one line, not a stack (the demo is created at the next start).
 */
async function seedDemoWhenReady(sandbox: GraphSandbox, port: number, stopping: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (stopping()) return;
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const { seedDemoOnce } = await import("@/lib/sandbox/run-sandbox");
  await seedDemoOnce(sandbox).then(
    (seeded) => seeded && console.log("[sandbox] demo customers and a day of history created"),
    (error: unknown) =>
      stopping()
        ? console.log("[sandbox] the demo was not finished before the app stopped; it is created at the next start")
        : console.error("[sandbox] could not create the demo", error),
  );
}

/** Resolves when every process has exited, or after `ms` (then they are killed). */
function exited(processes: ChildProcess[], ms: number): Promise<void> {
  const running = processes.filter((child) => child.exitCode === null && child.signalCode === null);
  if (running.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      for (const child of running) child.kill("SIGKILL");
      resolve();
    }, ms);
    let left = running.length;
    for (const child of running)
      child.once("exit", () => {
        left -= 1;
        if (left === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
  });
}

// Secrets never reach the console (a production server's stdout is its log): the key and tokens
// are masked, and the settings page is where an admin gets values to paste into Meta.
async function printWebhookSetup() {
  // Load the configuration under the server's rules: it runs in production mode, where a missing
  // APP_ENCRYPTION_KEY on an external database stops here with that message instead of later.
  Object.assign(process.env, { NODE_ENV: "production" });
  reloadEnv();
  const { getWebhookConfig } = await import("@/lib/settings/webhook-config");
  const { maskSecret } = await import("@/lib/settings/encryption");
  const { getDb } = await import("@/lib/db/client");
  const { countUsers } = await import("@/lib/db/users");
  const config = await getWebhookConfig();
  const firstRun = (await countUsers({ db: getDb() })) === 0 && !getEnv().ADMIN_EMAIL;
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
      "  The log never shows them in full. For the values to paste, sign in as an admin and open",
      `  Settings → WhatsApp connection (${appUrl()}/settings/whatsapp):`,
      "  Rotate the webhook key to see the full callback URL, Generate a verify token (each is shown",
      "  once there), and save your app's App Secret.",
      ...(firstRun ? ["", `  No account exists yet: open ${appUrl()} to create the first admin.`] : []),
      "",
    ].join("\n"),
  );
}

if (superviseUnlessSupervised()) {
  main().catch((error: unknown) => {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
