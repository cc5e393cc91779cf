// npm run bench:realtime -- [--messages 200] [--replies 100] [--round-trips 50] [--in-process] [--gap-ms 100] [--skip-build] [--embedded] [--baseline <dir>]
// How long a customer's message takes to appear in an agent's open thread: from the moment its
// signed webhook is posted to the frame that shows it in Chromium, one message at a time. The
// `npm start` layout by default (next start acking only + one `npm run worker` + the bundled
// Pusher-protocol server); --in-process processes after the ack inside next start instead.
// --baseline <dir>: another checkout (e.g. the previous commit) measured in the same run, each with
// its own server, worker, Pusher server and a copy of the database, messages alternating between them.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Page } from "@playwright/test";
import { buildIfNeeded } from "../../lib/cli/build-if-needed";
import { startGraphSandbox } from "../../lib/sandbox/graph-api";
import { root } from "../support/processes";
import { createBenchAgent, launchChromium } from "./browser";
import { cloneBenchDatabase, createBenchDatabase } from "./database";
import { describeRoundTrips, measureRoundTrips } from "./realtime-outbound";
import { type Delivery, printDeliveries } from "./realtime-report";
import { type RealtimeSide, startRealtimeSide } from "./realtime-side";
import { createTeardown, runBench } from "./teardown";

const usage = `Usage: npm run bench:realtime -- [options]
  --messages <n>     measured messages, posted one at a time (default 200; per build with --baseline)
  --warmup <n>       unmeasured messages first (default 10)
  --gap-ms <ms>      pause after each message is painted (default 100)
  --replies <n>      then the agent replies n times: Enter → the pending bubble painted (default 100)
  --round-trips <n>  then n replies through the sandbox: Enter → the customer's phone → read → blue ticks (default 50)
  --in-process       plain next start processing after the ack (default: the npm start layout, 1 worker)
  --skip-build       use the existing .next build(s)
  --embedded         the embedded Postgres even when a server is reachable
  --baseline <dir>   also measure the build in <dir> (another checkout with node_modules), alternating
                     message by message, and print both with their ratio
Database: a fresh one on DATABASE_URL's server, else postgresql://postgres@127.0.0.1:5432, else the
embedded Postgres; dropped at the end (KEEP_BENCH_DATABASE=1 keeps it).`;
const { values: flags } = parseArgs({
  options: {
    messages: { type: "string", default: "200" },
    warmup: { type: "string", default: "10" },
    "gap-ms": { type: "string", default: "100" },
    replies: { type: "string", default: "100" },
    "round-trips": { type: "string", default: "50" },
    "in-process": { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    embedded: { type: "boolean", default: false },
    baseline: { type: "string" },
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
const REPLIES = Number(flags.replies);
const ROUND_TRIPS = Number(flags["round-trips"]);
const BASELINE = flags.baseline ? resolve(flags.baseline) : null;
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
const TEXTS = ["Is my order on its way? 📦", "Olá! Can I change the address?", "¿Tienen la talla M?", "Thanks!"];

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

/** One message to one build: posted, then waited for until painted (or 10 s). */
async function deliver(side: RealtimeSide, runTag: string, seq: number): Promise<Delivery> {
  // The bubble's text runs on into its time ("…-310:53"): the marker ends in letters.
  const marker = `rtm-${runTag}-${seq}-ok`;
  await side.page.bringToFront();
  // Listening before posting: the page resolves at once if the bubble was already painted.
  const seen = side.page.evaluate(`window.__bench.waitFor(${JSON.stringify(marker)})`) as Promise<{
    dom: number;
    paint: number;
  }>;
  const startedAt = wall();
  const wamid = await side.post(`${marker} ${TEXTS[seq % TEXTS.length]}`, seq);
  const ackAt = wall();
  const shown = await Promise.race([seen, sleep(10_000).then(() => null)]);
  return { wamid, startedAt, ackAt, dom: shown?.dom ?? null, paint: shown?.paint ?? null };
}

async function main() {
  const database = await createBenchDatabase({ root, embedded: flags.embedded, defer });
  if (!flags["skip-build"]) {
    buildIfNeeded({ root });
    if (BASELINE) buildIfNeeded({ root: BASELINE });
  }
  // Replies go to a fake Graph API (Meta cannot be reached from here), answering at once.
  const graph = await startGraphSandbox();
  defer("stop the fake Graph API", graph.close);
  const graphToken = `bench-${randomBytes(6).toString("hex")}`;
  graph.tokens.set(graphToken, "valid");
  const graphEnv = { WHATSAPP_GRAPH_API_URL: graph.url, WHATSAPP_ACCESS_TOKEN: graphToken };
  const secrets = {
    appSecret: `bench-secret-${randomBytes(8).toString("hex")}`,
    webhookKey: `bench_key_${randomBytes(12).toString("hex")}`,
    authSecret: randomBytes(32).toString("base64url"),
    verifyToken: `verify-${randomBytes(6).toString("hex")}`,
  };
  const inProcess = flags["in-process"];
  const agent = await createBenchAgent({ databaseUrl: database.url, authSecret: secrets.authSecret, defer });
  // Copied before any server connects to it: the baseline gets the same schema and the same agent.
  const baselineDatabase = BASELINE ? await cloneBenchDatabase({ database, suffix: "baseline", defer }) : null;

  const runTag = randomBytes(3).toString("hex");
  const browser = await launchChromium(defer);
  const common = { secrets, graphEnv, inProcess, agent, browser, runTag, defer };
  const sides = [await startRealtimeSide({ ...common, label: "this build", appRoot: root, database })];
  if (BASELINE && baselineDatabase) {
    sides.push(
      await startRealtimeSide({
        ...common,
        label: `baseline (${BASELINE})`,
        appRoot: BASELINE,
        database: baselineDatabase,
      }),
    );
  }
  const clock = await clockOffset(sides[0]!.page);

  log(
    `\n[bench] ${cpus().length} cores · Node ${process.versions.node} · Chromium ${browser.version()} · ` +
      `${sides.map((side) => `${side.label}: ${side.serverUrl}`).join(" · ")} · ${database.name} on ${database.where}\n` +
      `[bench] layout: ${inProcess ? "plain next start (processing after the ack, in-process)" : "npm start (next start PROCESS_AFTER_ACK=false + 1 worker)"} ` +
      `+ bundled Pusher server · ${WARMUP} + ${MESSAGES} messages one by one${sides.length > 1 ? " per build, alternating builds" : ""}, ${GAP_MS} ms apart · ` +
      `page clock − Node clock ${clock.offset.toFixed(2)} ± ${clock.uncertainty.toFixed(2)} ms · load average ${load()}`,
  );

  const deliveries = sides.map((): Delivery[] => []);
  for (let seq = 1; seq <= WARMUP + MESSAGES; seq += 1) {
    // Alternating which build goes first, so neither always follows the other's paint.
    const order = seq % 2 === 0 ? sides.map((_, index) => index) : sides.map((_, index) => index).reverse();
    for (const index of order) {
      const delivery = await deliver(sides[index]!, runTag, seq);
      if (seq > WARMUP) deliveries[index]!.push(delivery);
      await sleep(GAP_MS);
    }
  }
  const results = [];
  for (const [index, side] of sides.entries()) {
    if (sides.length > 1) log(`\n=== ${side.label} ===`);
    const ws = (await side.page.evaluate("window.__bench.ws")) as { at: number; data: string }[];
    results.push(
      await printDeliveries({
        deliveries: deliveries[index]!,
        ws,
        databaseUrl: side.databaseUrl,
        messageFetches: side.messageFetches,
        log,
      }),
    );
  }
  if (results.length > 1) {
    const [now, before] = results as [(typeof results)[0], (typeof results)[0]];
    const ratio = (a: number | null, b: number | null) =>
      a !== null && b !== null && b > 0 ? `${Math.round((1 - a / b) * 100)} % lower` : "–";
    log(
      `\n[bench] this build against the baseline, same run: webhook → painted p50 ${now.totalP50?.toFixed(1)} vs ` +
        `${before.totalP50?.toFixed(1)} ms (${ratio(now.totalP50, before.totalP50)}); event at the page → bubble in ` +
        `the DOM p50 ${now.toDomP50?.toFixed(1)} vs ${before.toDomP50?.toFixed(1)} ms (${ratio(now.toDomP50, before.toDomP50)})`,
    );
  }
  // The agent replies: from the Enter key to the frame that shows the pending bubble (optimistic,
  // before the server has answered), one reply at a time.
  const { page } = sides[0]!;
  await page.bringToFront();
  const composer = page.getByRole("textbox", { name: /reply|message/i }).first();
  const painted: number[] = [];
  const paintedFromKeydown: number[] = [];
  for (let reply = 1; reply <= REPLIES + 5; reply += 1) {
    const marker = `rtm-${runTag}-${100_000 + reply}-ok`;
    await composer.fill(`${marker} on it`);
    const seen = page.evaluate(`window.__bench.waitFor(${JSON.stringify(marker)})`) as Promise<{ paint: number }>;
    const pressedAt = wall();
    await composer.press("Enter");
    const shown = await Promise.race([seen, sleep(10_000).then(() => null)]);
    const enterAt = (await page.evaluate("window.__bench.marks.enterAt")) as number;
    if (reply > 5 && shown) {
      painted.push(shown.paint - pressedAt);
      paintedFromKeydown.push(shown.paint - enterAt);
    }
    await sleep(GAP_MS);
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
    return `p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
  };
  if (painted.length > 0)
    log(
      `\n[bench] Enter → pending bubble painted (${painted.length} replies), from the keydown the browser received: ` +
        `${summary(paintedFromKeydown)}\n[bench]   from Playwright's press() in Node (adds the CDP round trip): ` +
        `${summary(painted)}; ${graph.sent.length} reached the fake Graph API`,
    );
  if (ROUND_TRIPS > 0) {
    const trips = await measureRoundTrips({
      side: sides[0]!,
      graph,
      webhook: {
        url: `${sides[0]!.serverUrl}/api/webhooks/whatsapp/${secrets.webhookKey}`,
        appSecret: secrets.appSecret,
      },
      runTag,
      count: ROUND_TRIPS,
      gapMs: GAP_MS,
    });
    log(`\n${describeRoundTrips(trips, ROUND_TRIPS)}`);
  }
  log(`\n[bench] done · load average ${load()}`);
}

runBench(main, teardown);
