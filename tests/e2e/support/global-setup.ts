// E2E runs drive real Chromium against a production `next start` on a fresh database with no user
// (so the first-run setup page is open), like the integration tests' global setup. The App Secret is
// deliberately not set in the environment: the admin must be able to change it on the settings page.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { buildIfNeeded } from "../../../lib/cli/build-if-needed";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../../lib/cli/embedded-postgres";
import { runPrisma } from "../../../lib/cli/prisma";
import { type FakeGraphApi, startFakeGraphApi } from "../../support/fake-graph-api";
import { root, type RunningServer, startNextServer } from "../../support/processes";
import { E2E_DIR, type E2eRun, RUN_ENV } from "./run";

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  rmSync(E2E_DIR, { recursive: true, force: true });
  mkdirSync(E2E_DIR, { recursive: true });

  let embedded: EmbeddedDatabase | undefined;
  let graphApi: FakeGraphApi | undefined;
  let server: RunningServer | undefined;
  let serverUrl = process.env.DATABASE_URL;
  const database = `inbox_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
  let created = false;

  const teardown = async () => {
    await server?.stop();
    // For a failed run: what the server said (next start's own output).
    if (server) writeFileSync(join(E2E_DIR, "server.log"), server.output());
    await graphApi?.close();
    if (created && serverUrl && process.env.KEEP_TEST_DATABASE !== "1") {
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
    await embedded?.stop();
  };

  try {
    if (!serverUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: join(root, ".data", "e2e-postgres"), database: "postgres" });
      serverUrl = embedded.url;
    }
    await onServer(serverUrl, `CREATE DATABASE ${database}`);
    created = true;
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    const databaseUrl = url.toString();

    runPrisma(["migrate", "deploy"], { DATABASE_URL: databaseUrl });
    buildIfNeeded({ root });

    const run: E2eRun = {
      baseUrl: "",
      webhookKey: `e2e_key_${randomBytes(12).toString("hex")}`,
      verifyToken: `e2e-verify-${randomBytes(8).toString("hex")}`,
      adminName: "Ada Admin",
      adminEmail: `admin-${randomBytes(4).toString("hex")}@example.com`,
      adminPassword: `admin-pw-${randomBytes(8).toString("hex")}`,
    };
    // Nothing under test may call the real Meta.
    graphApi = await startFakeGraphApi();
    // Deliberately no WHATSAPP_APP_SECRET (the settings page owns it) and no ADMIN_EMAIL (/setup is open).
    const env: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      DATA_DIR: E2E_DIR,
      WHATSAPP_GRAPH_API_URL: graphApi.url,
      APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      WHATSAPP_WEBHOOK_KEY: run.webhookKey,
      WHATSAPP_VERIFY_TOKEN: run.verifyToken,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      WORKER_POLL_MS: "250",
    };
    const inherited = { ...process.env };
    for (const name of ["WHATSAPP_APP_SECRET", "WHATSAPP_ACCESS_TOKEN", "ADMIN_EMAIL", "ADMIN_PASSWORD", "APP_URL"]) {
      delete process.env[name];
    }
    try {
      server = await startNextServer(env);
    } finally {
      Object.assign(process.env, inherited);
    }
    run.baseUrl = server.url;

    // Test workers start after this function and inherit these variables.
    process.env[RUN_ENV] = JSON.stringify(run);
    writeFileSync(join(E2E_DIR, "run.json"), JSON.stringify({ ...run, database }, null, 2));
    return teardown;
  } catch (error) {
    await teardown().catch((cleanupError: unknown) => console.error("e2e cleanup failed", cleanupError));
    throw error;
  }
}
