// Integration tests run against real Postgres and a real `next start`: a fresh database per run
// (on DATABASE_URL's server, or the embedded Postgres when none is configured), real migrations,
// the production build.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { buildIfNeeded } from "../../lib/cli/build-if-needed";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../lib/cli/embedded-postgres";
import { runPrisma } from "../../lib/cli/prisma";
import { startPusherServer } from "../../lib/realtime/pusher-server";
import { startGraphSandbox } from "../../lib/sandbox/graph-api";
import { root, type RunningServer, startNextServer } from "./processes";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    appSecret: string;
    webhookKey: string;
    verifyToken: string;
    /** The first admin, created by the server from ADMIN_EMAIL/ADMIN_PASSWORD at start-up. */
    adminEmail: string;
    adminPassword: string;
    authSecret: string;
    /** The local Pusher-protocol server the test server publishes to. */
    pusher: { host: string; port: number; appId: string; key: string; secret: string };
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: `${root}/.data/test`, database: "postgres" });
    serverUrl = embedded.url;
  }
  const database = `inbox_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();

  runPrisma(["migrate", "deploy"], { DATABASE_URL: databaseUrl });
  buildIfNeeded({ root });

  const secrets = {
    appSecret: `test-secret-${randomBytes(8).toString("hex")}`,
    webhookKey: `test_key_${randomBytes(12).toString("hex")}`,
    verifyToken: `verify-${randomBytes(6).toString("hex")}`,
    adminEmail: `admin-${randomBytes(4).toString("hex")}@example.com`,
    adminPassword: `admin-pw-${randomBytes(8).toString("hex")}`,
    authSecret: randomBytes(32).toString("base64url"),
  };
  // Nothing under test may call the real Meta: the Graph API is a local fake that knows no token.
  const graphApi = await startGraphSandbox();
  // Realtime goes through the project's own Pusher-protocol server, as under `npm start`.
  const pusherApp = {
    appId: `test-${randomBytes(3).toString("hex")}`,
    key: `test-key-${randomBytes(6).toString("hex")}`,
    secret: randomBytes(24).toString("base64url"),
  };
  const pusherServer = await startPusherServer({ ...pusherApp, host: "127.0.0.1", port: 0 });
  const pusher = { ...pusherApp, host: pusherServer.host, port: pusherServer.port };
  const server: RunningServer = await startNextServer({
    DATABASE_URL: databaseUrl,
    WHATSAPP_GRAPH_API_URL: graphApi.url,
    APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    WHATSAPP_APP_SECRET: secrets.appSecret,
    WHATSAPP_WEBHOOK_KEY: secrets.webhookKey,
    WHATSAPP_VERIFY_TOKEN: secrets.verifyToken,
    WORKER_POLL_MS: "250",
    ADMIN_EMAIL: secrets.adminEmail,
    ADMIN_PASSWORD: secrets.adminPassword,
    BETTER_AUTH_SECRET: secrets.authSecret,
    PUSHER_APP_ID: pusher.appId,
    PUSHER_KEY: pusher.key,
    PUSHER_SECRET: pusher.secret,
    PUSHER_HOST: pusher.host,
    PUSHER_PORT: String(pusher.port),
    PUSHER_USE_TLS: "false",
  });
  project.provide("baseUrl", server.url);
  project.provide("databaseUrl", databaseUrl);
  project.provide("appSecret", secrets.appSecret);
  project.provide("webhookKey", secrets.webhookKey);
  project.provide("verifyToken", secrets.verifyToken);
  project.provide("adminEmail", secrets.adminEmail);
  project.provide("adminPassword", secrets.adminPassword);
  project.provide("authSecret", secrets.authSecret);
  project.provide("pusher", pusher);

  return async () => {
    await server.stop();
    await graphApi.close();
    await pusherServer.close();
    if (process.env.KEEP_TEST_DATABASE !== "1") {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
    }
    await embedded?.stop();
  };
}
