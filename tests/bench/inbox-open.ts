// npm run bench:inbox -- [--runs 5] [--api-requests 50] [--list-rows 2000] [--thread-messages 1000]
//   [--skip-build] [--skip-scroll] [--skip-api]
// How fast the inbox opens and scrolls on a seeded database (npm run db:seed:large: 10,000
// conversations, 1,000,000 messages, one thread of 5,000): a production `next start` with the bundled
// Pusher-protocol server, an agent signed in in Chromium. Prints figures, asserts none.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { BrowserContext, Page } from "@playwright/test";
import pg from "pg";
import { buildIfNeeded } from "../../lib/cli/build-if-needed";
import { openConfiguredDatabase } from "../../lib/cli/configured-database";
import { root, startNextServer } from "../support/processes";
import {
  cookieHeader,
  createBenchAgent,
  launchChromium,
  readMarks,
  signInContext,
  startLocalPusher,
  waitForMark,
} from "./browser";
import { forkSerialClient } from "./fork-serial-client";
import { measureApi } from "./inbox-api-timing";
import { median, ms, runs, spread, worst } from "./stats";
import { createTeardown, runBench } from "./teardown";

const LONG_THREAD = "seed_cv_00001";
const usage = `Usage: npm run bench:inbox -- [options]   (seed first: npm run db:seed:large)
  --runs <n>              page-open runs (default 5; scrolling runs min(runs, 3) times)
  --api-requests <n>      sequential requests per API endpoint (default 50)
  --list-rows <n>         conversation rows to scroll through (default 2000)
  --thread-messages <n>   messages to scroll up through in the 5,000-message thread (default 1000)
  --skip-build --skip-scroll --skip-api
Database: DATABASE_URL, else the embedded database npm start uses (the running one, or started here).`;
const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "api-requests": { type: "string", default: "50" },
    "skip-build": { type: "boolean", default: false },
    "skip-scroll": { type: "boolean", default: false },
    "skip-api": { type: "boolean", default: false },
    "list-rows": { type: "string", default: "2000" },
    "thread-messages": { type: "string", default: "1000" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (flags.help) {
  console.log(usage);
  process.exit(0);
}
const RUNS = Number(flags.runs);
const API_REQUESTS = Number(flags["api-requests"]);
const LIST_ROWS = Number(flags["list-rows"]);
const THREAD_MESSAGES = Number(flags["thread-messages"]);
const teardown = createTeardown();
const { defer } = teardown;
const log = (line = "") => console.log(line);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

/** What the browser fetched while a page opened: /api/… and document requests, when each started and took. */
function recordRequests(page: Page) {
  const requests: Request[] = [];
  page.on("requestfinished", (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/api/") && request.resourceType() !== "document") return;
    const timing = request.timing();
    requests.push({
      path: `${request.method()} ${url.pathname}${url.search}`.slice(0, 90),
      startedAt: timing.startTime,
      ms: timing.responseEnd,
    });
  });
  return requests;
}

type Request = { path: string; startedAt: number; ms: number };

/** Scripts the page loaded, and when the last one was in (ms since navigation start). */
const SCRIPTS = `(() => {
  const scripts = performance.getEntriesByType("resource").filter((entry) => entry.initiatorType === "script");
  const nav = performance.getEntriesByType("navigation")[0];
  return { count: scripts.length, kb: Math.round(scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0) / 1024),
    lastEnd: Math.round(Math.max(0, ...scripts.map((entry) => entry.responseEnd))),
    domContentLoaded: Math.round(nav ? nav.domContentLoadedEventEnd : 0) };
})()`;
type Scripts = { count: number; kb: number; lastEnd: number; domContentLoaded: number };
/** The page's long tasks (main thread busy > 50 ms) that started before `until`, as "duration@start". */
async function longTasksBefore(page: Page, until: number): Promise<string> {
  const tasks = (await page.evaluate("window.__bench.taskLog")) as [number, number][];
  const before = tasks.filter(([start]) => start < until);
  return before.length ? before.map(([start, duration]) => `${duration}@${start}`).join(" ") : "none";
}
const describeScripts = (scripts: Scripts) =>
  `${scripts.count} scripts (${scripts.kb} KB compressed) in by ${scripts.lastEnd} ms · DOMContentLoaded ${scripts.domContentLoaded} ms`;

/** `zero`: the wall-clock instant request start times are shown from (navigation start, or the click). */
type OpenRun = { label: string; value: number; extra: string; requests: Request[]; zero: number };

async function openList(context: BrowserContext): Promise<OpenRun[]> {
  const page = await context.newPage();
  const requests = recordRequests(page);
  await page.goto("/inbox");
  const firstRow = await waitForMark(page, "firstRow");
  const marks = await readMarks(page);
  const origin = (await page.evaluate("performance.timeOrigin")) as number;
  const scripts = (await page.evaluate(SCRIPTS)) as Scripts;
  const tasks = await longTasksBefore(page, firstRow);
  // Let the list settle (unread summary, realtime subscription) before the click.
  await page.waitForLoadState("networkidle");
  const listRequests = [...requests];
  requests.length = 0;
  await page.click(`[data-conversation-id="${LONG_THREAD}"]`);
  const firstMessage = await waitForMark(page, "firstMessage");
  const click = (await readMarks(page)).click ?? Number.NaN;
  await page.waitForLoadState("networkidle");
  await page.close();
  return [
    {
      label: "list",
      value: firstRow,
      extra:
        `DOM ${ms(marks.firstRowDom)} · FCP ${ms(marks.fcp)} · LCP ${ms(marks.lcp)} · ${describeScripts(scripts)} · ` +
        `long tasks before it (ms@ms): ${tasks}`,
      requests: listRequests,
      zero: origin,
    },
    { label: "click", value: firstMessage - click, extra: "", requests: [...requests], zero: origin + click },
  ];
}

async function openThreadDirectly(context: BrowserContext): Promise<OpenRun> {
  const page = await context.newPage();
  const requests = recordRequests(page);
  await page.goto(`/inbox/${LONG_THREAD}`);
  const firstMessage = await waitForMark(page, "firstMessage");
  const marks = await readMarks(page);
  const origin = (await page.evaluate("performance.timeOrigin")) as number;
  const scripts = (await page.evaluate(SCRIPTS)) as Scripts;
  const tasks = await longTasksBefore(page, firstMessage);
  await page.waitForLoadState("networkidle");
  await page.close();
  return {
    label: "direct",
    value: firstMessage,
    extra:
      `DOM ${ms(marks.firstMessageDom)} · first row ${ms(marks.firstRow)} · FCP ${ms(marks.fcp)} · ` +
      `LCP ${ms(marks.lcp)} · ${describeScripts(scripts)} · long tasks before it (ms@ms): ${tasks}`,
    requests,
    zero: origin,
  };
}

type ScrollResult = {
  frames: number[];
  seen: number;
  ms: number;
  stalledMs: number;
  /** Items seen so far at each frame > 50 ms. */
  slowAt: number[];
  longTasks: number[];
};

async function scroll(context: BrowserContext, what: "list" | "thread"): Promise<ScrollResult> {
  const page = await context.newPage();
  const list = what === "list";
  await page.goto(list ? "/inbox" : `/inbox/${LONG_THREAD}`);
  await waitForMark(page, list ? "firstRow" : "firstMessage");
  await page.waitForLoadState("networkidle");
  const options = list
    ? {
        selector: '[data-testid="conversation-list"]',
        item: '[data-testid="conversation-row"]',
        step: 120,
        target: LIST_ROWS,
      }
    : {
        selector: '[data-testid="message-list"]',
        item: '[data-testid="message"]',
        step: -100,
        target: THREAD_MESSAGES,
      };
  const idAttribute = list ? "data-conversation-id" : "data-message-id";
  const result = (await page.evaluate(
    `window.__bench.scroll(${JSON.stringify({ ...options, idAttribute, timeoutMs: 180_000 })})`,
  )) as ScrollResult;
  await page.close();
  return result;
}

function printScroll(label: string, results: ScrollResult[], target: number) {
  const frames = results.flatMap((result) => result.frames);
  const long = frames.filter((frame) => frame > 50).length;
  const longTasks = results.flatMap((result) => result.longTasks);
  log(`   ${label}: frame time ${spread(frames, [50, 95])} · frames > 50 ms: ${long}`);
  for (const result of results) {
    const worstTasks = [...result.longTasks].sort((a, b) => b - a).slice(0, 5);
    log(
      `     run: ${result.seen}/${target} items in ${(result.ms / 1000).toFixed(1)} s (standing at the end of the ` +
        `loaded items, waiting for a page: ${(result.stalledMs / 1000).toFixed(1)} s) · ${result.frames.length} frames · ` +
        `long tasks ${result.longTasks.length} (worst ${worstTasks.join(", ") || "–"} ms)`,
    );
  }
  if (longTasks.length === 0) log("     (no long tasks reported)");
  const slowAt = results.flatMap((result) => result.slowAt);
  if (slowAt.length > 0) {
    const buckets = new Map<number, number>();
    for (const seen of slowAt)
      buckets.set(Math.floor(seen / 500) * 500, (buckets.get(Math.floor(seen / 500) * 500) ?? 0) + 1);
    const where = [...buckets].sort(([a], [b]) => a - b).map(([from, count]) => `${from}–${from + 499}: ${count}`);
    log(`     frames > 50 ms by items seen so far: ${where.join(" · ")}`);
  }
}

function printRequests(label: string, all: OpenRun[]) {
  const byPath = new Map<string, { starts: number[]; durations: number[] }>();
  for (const run of all)
    for (const request of run.requests) {
      const key = request.path.replace(/cursor=[^&]+/, "cursor=…");
      const entry = byPath.get(key) ?? { starts: [], durations: [] };
      entry.starts.push(request.startedAt - run.zero);
      entry.durations.push(request.ms);
      byPath.set(key, entry);
    }
  log(`     requests during "${label}", browser-side (${all.length} runs; medians, worst in brackets):`);
  for (const [path, { starts, durations }] of byPath)
    log(
      `       ${path.padEnd(58)} starts at ${ms(median(starts))} · takes ${ms(median(durations))} ` +
        `(${ms(worst(durations))}) · ${durations.length}×`,
    );
}

async function main() {
  const database = await openConfiguredDatabase();
  if (database.embedded) defer("stop embedded Postgres", () => database.embedded!.stop());
  const check = new pg.Client({ connectionString: database.url });
  await check.connect();
  const seeded = await check.query("SELECT 1 FROM conversations WHERE id = $1", [LONG_THREAD]);
  const sizes = await check.query<{ conversations: number; messages: number }>(
    "SELECT (SELECT count(*)::int FROM conversations) AS conversations, (SELECT count(*)::int FROM messages) AS messages",
  );
  await check.end();
  if (seeded.rowCount === 0) throw new Error(`${database.which} is not seeded: run npm run db:seed:large first`);
  if (!flags["skip-build"]) buildIfNeeded({ root });

  const pusherEnv = await startLocalPusher(defer);
  const authSecret = randomBytes(32).toString("base64url");
  const server = await startNextServer({ DATABASE_URL: database.url, BETTER_AUTH_SECRET: authSecret, ...pusherEnv });
  defer("stop next-server", () => server.stop());
  const agent = await createBenchAgent({ databaseUrl: database.url, authSecret, defer });
  const browser = await launchChromium(defer);
  const context = await signInContext({ browser, baseUrl: server.url, agent });
  const size = sizes.rows[0];
  log(
    `\n[bench] ${cpus().length} cores · Node ${process.versions.node} · Chromium ${browser.version()} · ${server.url}\n` +
      `[bench] ${database.which}: ${size?.conversations} conversations, ${size?.messages} messages · ` +
      `agent ${agent.email} (no read positions: every inbound message unread) · load average ${load()}`,
  );

  // One unmeasured pass so the server has compiled its routes and the database has its pages in memory.
  await openList(context);
  await openThreadDirectly(context);

  log(`\nA  open /inbox → first conversation row painted (navigation start = 0) · load ${load()}`);
  const listRuns: OpenRun[] = [];
  const clickRuns: OpenRun[] = [];
  const directRuns: OpenRun[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const [list, click] = await openList(context);
    listRuns.push(list!);
    clickRuns.push(click!);
    directRuns.push(await openThreadDirectly(context));
  }
  log(`   ${runs(listRuns.map((run) => run.value))}`);
  for (const run of listRuns) log(`     ${ms(run.value)}: ${run.extra}`);
  printRequests("open /inbox", listRuns);

  log(`\nB  the ${LONG_THREAD} thread (5,000 messages) → first message painted · load ${load()}`);
  log(`   direct load of /inbox/${LONG_THREAD}: ${runs(directRuns.map((run) => run.value))}`);
  for (const run of directRuns) log(`     ${ms(run.value)}: ${run.extra}`);
  printRequests("direct load", directRuns);
  log(`   click on its row in /inbox: ${runs(clickRuns.map((run) => run.value))}`);
  printRequests("click", clickRuns);

  if (!flags["skip-scroll"]) {
    log(`\nC  scrolling, frame by frame (requestAnimationFrame) · load ${load()}`);
    const scrollRuns = Math.max(1, Math.min(RUNS, 3));
    const lists: ScrollResult[] = [];
    const threads: ScrollResult[] = [];
    for (let run = 0; run < scrollRuns; run += 1) {
      lists.push(await scroll(context, "list"));
      threads.push(await scroll(context, "thread"));
    }
    printScroll(`conversation list, 120 px per frame down through ≥ ${LIST_ROWS} rows`, lists, LIST_ROWS);
    printScroll(`thread, 100 px per frame up through ≥ ${THREAD_MESSAGES} messages`, threads, THREAD_MESSAGES);
  }

  if (!flags["skip-api"]) {
    log(`\nD  the JSON API from Node, ${API_REQUESTS} sequential requests each (after 3 unmeasured) · load ${load()}`);
    const cookie = await cookieHeader(context);
    const client = await forkSerialClient();
    defer("stop the serial client", client.stop);
    for (const line of await measureApi({
      client,
      baseUrl: server.url,
      cookie,
      requests: API_REQUESTS,
      thread: LONG_THREAD,
    }))
      log(`   ${line}`);
  }
  log(`\n[bench] done · load average ${load()}`);
}

runBench(main, teardown);
