// npm run bench:realtime -- [--messages 200] [--in-process] [--gap-ms 100] [--skip-build] [--embedded]
// How long a customer's message takes to appear in an agent's open thread: from the moment its
// signed webhook is posted to the frame that shows it in Chromium, one message at a time. The
// `npm start` layout by default (next start acking only + one `npm run worker` + the bundled
// Pusher-protocol server); --in-process processes after the ack inside next start instead.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { Page } from "@playwright/test";
import pg from "pg";
import { buildIfNeeded } from "../../lib/cli/build-if-needed";
import { root, startNextServer } from "../support/processes";
import { createBenchAgent, launchChromium, signInContext, startLocalPusher, waitForMark } from "./browser";
import { createBenchDatabase } from "./database";
import { type Delivery, printDeliveries } from "./realtime-report";
import { createTeardown, runBench } from "./teardown";
import { signedTextWebhook } from "./webhook-body";
import { startWorkers } from "./workers";

const usage = `Usage: npm run bench:realtime -- [options]
  --messages <n>   measured messages, posted one at a time (default 200)
  --warmup <n>     unmeasured messages first (default 10)
  --gap-ms <ms>    pause after each message is painted (default 100)
  --in-process     plain next start processing after the ack (default: the npm start layout, 1 worker)
  --skip-build     use the existing .next build
  --embedded       the embedded Postgres even when a server is reachable
Database: a fresh one on DATABASE_URL's server, else postgresql://postgres@127.0.0.1:5432, else the
embedded Postgres; dropped at the end (KEEP_BENCH_DATABASE=1 keeps it).`;
const { values: flags } = parseArgs({
  options: {
    messages: { type: "string", default: "200" },
    warmup: { type: "string", default: "10" },
    "gap-ms": { type: "string", default: "100" },
    "in-process": { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    embedded: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (flags.help) {
  console.log(usage);
  process.exit(0);
}
const MESSAGES = Number(flags.messages);
const WARMUP = Number(flags.warmup);
const GAP_MS = Number(flags["gap-ms"]);
const teardown = createTeardown();
const { defer } = teardown;
const log = (line = "") => console.log(line);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
/** Wall-clock milliseconds, the same way the page computes them (timeOrigin + now). */
const wall = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CUSTOMER = { from: "447700900777", name: "Realtime Bench Customer" };
const TEXTS = ["Is my order on its way? 📦", "Olá! Can I change the address?", "¿Tienen la talla M?", "Thanks!"];

async function waitForConversation(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(100)) {
      const { rows } = await client.query<{ id: string }>(
        "SELECT c.id FROM conversations c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.wa_id = $1",
        [CUSTOMER.from],
      );
      if (rows[0]) return rows[0].id;
    }
  } finally {
    await client.end();
  }
  throw new Error("the first webhook did not become a conversation within 30 s");
}

/** The page's clock against Node's: both are wall-clock based on the same machine; this shows the gap. */
async function clockOffset(page: Page): Promise<{ offset: number; uncertainty: number }> {
  const samples: { offset: number; uncertainty: number }[] = [];
  for (let index = 0; index < 7; index += 1) {
    const before = wall();
    const inPage = (await page.evaluate("performance.timeOrigin + performance.now()")) as number;
    const after = wall();
    samples.push({ offset: inPage - (before + after) / 2, uncertainty: (after - before) / 2 });
  }
  return samples.sort((a, b) => a.uncertainty - b.uncertainty)[0]!;
}

async function main() {
  const database = await createBenchDatabase({ root, embedded: flags.embedded, defer });
  if (!flags["skip-build"]) buildIfNeeded({ root });
  const pusherEnv = await startLocalPusher(defer);
  // Workers take PUSHER_* from this process's environment (tests/bench/workers.ts).
  Object.assign(process.env, pusherEnv);
  const secrets = {
    appSecret: `bench-secret-${randomBytes(8).toString("hex")}`,
    webhookKey: `bench_key_${randomBytes(12).toString("hex")}`,
    authSecret: randomBytes(32).toString("base64url"),
  };
  const inProcess = flags["in-process"];
  const server = await startNextServer({
    DATABASE_URL: database.url,
    WHATSAPP_APP_SECRET: secrets.appSecret,
    WHATSAPP_WEBHOOK_KEY: secrets.webhookKey,
    WHATSAPP_VERIFY_TOKEN: `verify-${randomBytes(6).toString("hex")}`,
    BETTER_AUTH_SECRET: secrets.authSecret,
    ...pusherEnv,
    // As `npm start` runs it with WORKERS=1: the server only acks, the worker processes.
    ...(inProcess ? {} : { PROCESS_AFTER_ACK: "false" }),
  });
  defer("stop next-server", () => server.stop());
  await startWorkers({ count: inProcess ? 0 : 1, databaseUrl: database.url, defer });
  const agent = await createBenchAgent({ databaseUrl: database.url, authSecret: secrets.authSecret, defer });

  const runTag = randomBytes(3).toString("hex");
  const webhookUrl = `${server.url}/api/webhooks/whatsapp/${secrets.webhookKey}`;
  const post = async (text: string, seq: number) => {
    const hook = signedTextWebhook({ appSecret: secrets.appSecret, ...CUSTOMER, text, runTag, seq });
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

  const browser = await launchChromium(defer);
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
  const clock = await clockOffset(page);

  log(
    `\n[bench] ${cpus().length} cores · Node ${process.versions.node} · Chromium ${browser.version()} · ${server.url} · ` +
      `${database.name} on ${database.where}\n[bench] layout: ${inProcess ? "plain next start (processing after the ack, in-process)" : "npm start (next start PROCESS_AFTER_ACK=false + 1 worker)"} ` +
      `+ bundled Pusher server · ${WARMUP} + ${MESSAGES} messages one by one, ${GAP_MS} ms apart · ` +
      `page clock − Node clock ${clock.offset.toFixed(2)} ± ${clock.uncertainty.toFixed(2)} ms · load average ${load()}`,
  );

  const deliveries: Delivery[] = [];
  for (let seq = 1; seq <= WARMUP + MESSAGES; seq += 1) {
    // The bubble's text runs on into its time ("…-310:53"): the marker ends in letters.
    const marker = `rtm-${runTag}-${seq}-ok`;
    // Listening before posting: the page resolves at once if the bubble was already painted.
    const seen = page.evaluate(`window.__bench.waitFor(${JSON.stringify(marker)})`) as Promise<{
      dom: number;
      paint: number;
    }>;
    const startedAt = wall();
    const wamid = await post(`${marker} ${TEXTS[seq % TEXTS.length]}`, seq);
    const ackAt = wall();
    const shown = await Promise.race([seen, sleep(10_000).then(() => null)]);
    if (seq > WARMUP)
      deliveries.push({ wamid, startedAt, ackAt, dom: shown?.dom ?? null, paint: shown?.paint ?? null });
    await sleep(GAP_MS);
  }
  const ws = (await page.evaluate("window.__bench.ws")) as { at: number; data: string }[];
  await printDeliveries({ deliveries, ws, databaseUrl: database.url, messageFetches, log });
  log(`\n[bench] done · load average ${load()}`);
}

runBench(main, teardown);
