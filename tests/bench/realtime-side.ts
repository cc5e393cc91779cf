// One build under bench:realtime: its next start (+ worker), its database and Pusher server, an
// agent's page open on a conversation, and how a customer's message is posted to it. Two of these
// (this checkout and --baseline's) are measured in one run, message by message in turn.
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { startNextServer } from "../support/processes";
import { type BenchAgent, signInContext, startLocalPusher, waitForMark } from "./browser";
import type { BenchDatabase, Defer } from "./database";
import { signedTextWebhook } from "./webhook-body";
import { startWorkers } from "./workers";

export type BenchSecrets = { appSecret: string; webhookKey: string; authSecret: string; verifyToken: string };

export type RealtimeSide = {
  label: string;
  serverUrl: string;
  databaseUrl: string;
  page: Page;
  /** Responses' end of every GET /api/messages/<id> the page made (ms, request timing). */
  messageFetches: number[];
  /** Posts one signed text webhook as the customer (or `customer`); resolves with its wamid once acknowledged. */
  post: (text: string, seq: number, customer?: { from: string; name: string }) => Promise<string>;
};

export const BENCH_CUSTOMER = { from: "447700900777", name: "Realtime Bench Customer" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The conversation of the customer with this wa_id, once their first webhook has been processed. */
export async function waitForConversation(databaseUrl: string, waId: string = BENCH_CUSTOMER.from): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(100)) {
      const { rows } = await client.query<{ id: string }>(
        "SELECT c.id FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.wa_id = $1",
        [waId],
      );
      if (rows[0]) return rows[0].id;
    }
  } finally {
    await client.end();
  }
  throw new Error("the first webhook did not become a conversation within 30 s");
}

export async function startRealtimeSide({
  label,
  appRoot,
  database,
  secrets,
  graphEnv,
  inProcess,
  agent,
  browser,
  runTag,
  defer,
}: {
  label: string;
  appRoot: string;
  database: BenchDatabase;
  secrets: BenchSecrets;
  graphEnv: Record<string, string>;
  inProcess: boolean;
  agent: BenchAgent;
  browser: Browser;
  runTag: string;
  defer: Defer;
}): Promise<RealtimeSide> {
  const pusherEnv = await startLocalPusher(defer);
  const server = await startNextServer(
    {
      DATABASE_URL: database.url,
      WHATSAPP_APP_SECRET: secrets.appSecret,
      WHATSAPP_WEBHOOK_KEY: secrets.webhookKey,
      WHATSAPP_VERIFY_TOKEN: secrets.verifyToken,
      BETTER_AUTH_SECRET: secrets.authSecret,
      ...graphEnv,
      ...pusherEnv,
      // As `npm start` runs it with WORKERS=1: the server only acks, the worker processes.
      ...(inProcess ? {} : { PROCESS_AFTER_ACK: "false" }),
    },
    appRoot,
  );
  defer(`stop next-server (${label})`, () => server.stop());
  await startWorkers({
    count: inProcess ? 0 : 1,
    databaseUrl: database.url,
    defer,
    appRoot,
    env: { ...pusherEnv, ...graphEnv },
  });

  const webhookUrl = `${server.url}/api/webhooks/whatsapp/${secrets.webhookKey}`;
  const post = async (text: string, seq: number, customer = BENCH_CUSTOMER) => {
    const hook = signedTextWebhook({ appSecret: secrets.appSecret, ...customer, text, runTag, seq });
    const response = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": hook.signature },
      body: hook.body,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    return hook.wamid;
  };
  await post("Hello, this opens the conversation", 0);
  const conversationId = await waitForConversation(database.url);

  const context = await signInContext({ browser, baseUrl: server.url, agent });
  const page = await context.newPage();
  const messageFetches: number[] = [];
  page.on("requestfinished", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/messages/")) messageFetches.push(request.timing().responseEnd);
  });
  await page.goto(`/inbox/${conversationId}`);
  await waitForMark(page, "firstMessage");
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  await page.evaluate("window.__bench.watchMarkers = true");
  return { label, serverUrl: server.url, databaseUrl: database.url, page, messageFetches, post };
}
