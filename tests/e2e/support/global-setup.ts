// E2E runs drive real Chromium against production `next start` servers on fresh databases, like the
// integration tests' global setup:
// - the main server starts with no user (so the first-run setup page is open) and with the App
//   Secret deliberately not in the environment: the admin must be able to change it on the
//   settings page;
// - the inbox server (tests/e2e/inbox-*.spec.ts) has a database of its own, its first admin from
//   ADMIN_EMAIL and a fixed App Secret, so that its specs can post signed webhooks in parallel
//   while the settings specs change the main server's secret and count its rejected signatures.
// Each server publishes to a local Pusher-protocol server of its own (the one `npm start` bundles),
// so that realtime works in the browser and one server's events never reach the other's pages.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { buildIfNeeded } from "../../../lib/cli/build-if-needed";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../../lib/cli/embedded-postgres";
import { runPrisma } from "../../../lib/cli/prisma";
import { type RunningPusherServer, startPusherServer } from "../../../lib/realtime/pusher-server";
import { CONTROL_PREFIX } from "../../../lib/sandbox/control";
import { type GraphSandbox, startGraphSandbox } from "../../../lib/sandbox/graph-api";
import { root, type RunningServer, startNextServer } from "../../support/processes";
import { customerWrites, newBusinessNumber, newCustomer } from "./customers";
import { E2E_DIR, type E2eRun, type InboxServer, RUN_ENV } from "./run";

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The PUSHER_* a server needs to publish to `pusher`, the same settings `npm start` hands its server. */
function pusherEnv(pusher: RunningPusherServer, app: { appId: string; key: string; secret: string }) {
  return {
    PUSHER_APP_ID: app.appId,
    PUSHER_KEY: app.key,
    PUSHER_SECRET: app.secret,
    PUSHER_HOST: pusher.host,
    PUSHER_PORT: String(pusher.port),
    PUSHER_USE_TLS: "false",
  };
}

async function startLocalPusher(name: string) {
  const app = {
    appId: `e2e-${name}-${randomBytes(3).toString("hex")}`,
    key: `e2e-${name}-key-${randomBytes(6).toString("hex")}`,
    secret: randomBytes(24).toString("base64url"),
  };
  const server = await startPusherServer({ ...app, host: "127.0.0.1", port: 0 });
  return { server, env: pusherEnv(server, app) };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  rmSync(E2E_DIR, { recursive: true, force: true });
  mkdirSync(E2E_DIR, { recursive: true });

  let embedded: EmbeddedDatabase | undefined;
  let graphApi: GraphSandbox | undefined;
  const servers: { name: string; server: RunningServer }[] = [];
  const pushers: RunningPusherServer[] = [];
  let serverUrl = process.env.DATABASE_URL;
  const suffix = `${Date.now()}_${randomBytes(3).toString("hex")}`;
  const databases = { main: `inbox_e2e_${suffix}`, inbox: `inbox_e2e_${suffix}_inbox` };
  const created: string[] = [];

  const teardown = async () => {
    await Promise.all(servers.map(({ server }) => server.stop()));
    // For a failed run: what each server said (next start's own output).
    for (const { name, server } of servers) {
      writeFileSync(join(E2E_DIR, name === "main" ? "server.log" : `${name}-server.log`), server.output());
    }
    await graphApi?.close();
    await Promise.all(pushers.map((pusher) => pusher.close()));
    if (serverUrl && process.env.KEEP_TEST_DATABASE !== "1") {
      for (const database of created) await onServer(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
    await embedded?.stop();
  };

  try {
    if (!serverUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: join(root, ".data", "e2e-postgres"), database: "postgres" });
      serverUrl = embedded.url;
    }
    const databaseUrls: Record<keyof typeof databases, string> = { main: "", inbox: "" };
    for (const [key, database] of Object.entries(databases) as [keyof typeof databases, string][]) {
      await onServer(serverUrl, `CREATE DATABASE ${database}`);
      created.push(database);
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      databaseUrls[key] = url.toString();
      runPrisma(["migrate", "deploy"], { DATABASE_URL: databaseUrls[key] });
    }
    buildIfNeeded({ root });

    const inbox: InboxServer = {
      baseUrl: "",
      databaseUrl: databaseUrls.inbox,
      webhookKey: `e2e_inbox_key_${randomBytes(12).toString("hex")}`,
      appSecret: randomBytes(16).toString("hex"),
      adminName: "Ines Admin",
      adminEmail: `inbox-admin-${randomBytes(4).toString("hex")}@example.com`,
      adminPassword: `inbox-pw-${randomBytes(8).toString("hex")}`,
    };
    const run: E2eRun = {
      baseUrl: "",
      graphControlUrl: "",
      webhookKey: `e2e_key_${randomBytes(12).toString("hex")}`,
      verifyToken: `e2e-verify-${randomBytes(8).toString("hex")}`,
      adminName: "Ada Admin",
      adminEmail: `admin-${randomBytes(4).toString("hex")}@example.com`,
      adminPassword: `admin-pw-${randomBytes(8).toString("hex")}`,
      inbox,
    };
    // Nothing under test may call the real Meta.
    graphApi = await startGraphSandbox();
    run.graphControlUrl = `${graphApi.url}${CONTROL_PREFIX}`;
    // The inbox server sends replies with a token the fake knows; the main server has none (its
    // settings specs save one themselves).
    const accessToken = `EAAe2e${randomBytes(24).toString("hex")}`;
    const sandboxWebhookSecret = randomBytes(24).toString("base64url");
    graphApi.tokens.set(accessToken, "valid");
    const [mainPusher, inboxPusher] = await Promise.all([startLocalPusher("main"), startLocalPusher("inbox")]);
    pushers.push(mainPusher.server, inboxPusher.server);

    const shared = {
      WHATSAPP_GRAPH_API_URL: graphApi.url,
      APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      WORKER_POLL_MS: "250",
    };
    // Main server: deliberately no WHATSAPP_APP_SECRET (the settings page owns it) and no ADMIN_EMAIL
    // (/setup is open).
    const mainEnv: Record<string, string> = {
      ...shared,
      ...mainPusher.env,
      DATABASE_URL: databaseUrls.main,
      DATA_DIR: E2E_DIR,
      WHATSAPP_WEBHOOK_KEY: run.webhookKey,
      WHATSAPP_VERIFY_TOKEN: run.verifyToken,
    };
    const inboxEnv: Record<string, string> = {
      ...shared,
      ...inboxPusher.env,
      DATABASE_URL: databaseUrls.inbox,
      DATA_DIR: join(E2E_DIR, "inbox"),
      WHATSAPP_APP_SECRET: inbox.appSecret,
      WHATSAPP_WEBHOOK_KEY: inbox.webhookKey,
      WHATSAPP_VERIFY_TOKEN: `e2e-inbox-verify-${randomBytes(8).toString("hex")}`,
      WHATSAPP_ACCESS_TOKEN: accessToken,
      // The customer simulator (tests/e2e/sandbox.spec.ts) drives this server's stand-in, which is
      // the fake Graph API itself; with a real-looking token only SANDBOX=on opens its routes.
      SANDBOX: "on",
      SANDBOX_URL: graphApi.url,
      // The stand-in signs its own webhooks with a secret of its own, never the App Secret.
      SANDBOX_WEBHOOK_SECRET: sandboxWebhookSecret,
      ADMIN_NAME: inbox.adminName,
      ADMIN_EMAIL: inbox.adminEmail,
      ADMIN_PASSWORD: inbox.adminPassword,
    };
    const inherited = { ...process.env };
    for (const name of ["WHATSAPP_APP_SECRET", "WHATSAPP_ACCESS_TOKEN", "ADMIN_EMAIL", "ADMIN_PASSWORD", "APP_URL"]) {
      delete process.env[name];
    }
    for (const name of Object.keys(process.env).filter((key) => key.startsWith("PUSHER_"))) delete process.env[name];
    try {
      // Started side by side; whichever started is stopped by the teardown should the other fail.
      const started = await Promise.allSettled([startNextServer(mainEnv), startNextServer(inboxEnv)]);
      started.forEach((result, index) => {
        if (result.status === "fulfilled") servers.push({ name: index === 0 ? "main" : "inbox", server: result.value });
      });
      for (const result of started) if (result.status === "rejected") throw result.reason;
      run.baseUrl = servers[0]!.server.url;
      inbox.baseUrl = servers[1]!.server.url;
      // Meta's webhooks for simulated customers (statuses, their messages) go to the inbox server,
      // signed as `npm start`'s sandbox signs them.
      graphApi.webhookTarget = async () => ({
        url: `${inbox.baseUrl}/api/webhooks/whatsapp/${inbox.webhookKey}`,
        appSecret: sandboxWebhookSecret,
      });
    } finally {
      Object.assign(process.env, inherited);
    }

    // Test workers start after this function and inherit these variables.
    process.env[RUN_ENV] = JSON.stringify(run);
    // The shop's main line has a customer already, so the inbox knows two numbers as soon as a test
    // brings its own: the Number menu, which the specs narrow the list with, shows from two on.
    await customerWrites({
      from: newCustomer("Mara Lindqvist"),
      to: newBusinessNumber(),
      text: "Hello! Do you ship to Sweden?",
    });
    writeFileSync(join(E2E_DIR, "run.json"), JSON.stringify({ ...run, databases }, null, 2));
    return teardown;
  } catch (error) {
    await teardown().catch((cleanupError: unknown) => console.error("e2e cleanup failed", cleanupError));
    throw error;
  }
}
