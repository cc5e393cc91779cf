// npm run bench:first-paint -- [--runs 5] [--skip-build] [--embedded] [--list] [--profile] [--trace]
// What the browser must load and run before the inbox first paints, on a fresh small database:
// each run opens /inbox and /inbox/<id> in a new browser context (cold cache, signed in) and reads
// the page's own Resource Timing, long-task and long-animation-frame entries. Bytes and task
// counts hardly move from run to run, unlike times on a busy machine. Prints figures, asserts none.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { Browser, BrowserContext } from "@playwright/test";
import pg from "pg";
import { buildIfNeeded } from "../../lib/cli/build-if-needed";
import { root, startNextServer } from "../support/processes";
import {
  createBenchAgent,
  launchChromium,
  newBenchContext,
  signInContext,
  startLocalPusher,
  waitForMark,
} from "./browser";
import { createBenchDatabase } from "./database";
import { median, ms } from "./stats";
import { createTeardown, runBench } from "./teardown";
import { signedTextWebhook } from "./webhook-body";

const usage = `Usage: npm run bench:first-paint -- [--runs 5] [--skip-build] [--embedded] [--list] [--profile]
  --list     also print each script of the first run: requested before or after the paint, compressed bytes
  --profile  profile each page load until its first paint (Chromium's sampling profiler) and print the
             main thread's self time by script and by function (the profiler slows the page: read
             the shares, not the times)
  --trace    record a Chromium trace of each page load until its first paint and print every task over
             50 ms before it, split into what ran in it (script evaluation per file, calls, layout…)`;
const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    "skip-build": { type: "boolean", default: false },
    embedded: { type: "boolean", default: false },
    list: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    trace: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (flags.help) {
  console.log(usage);
  process.exit(0);
}
const RUNS = Number(flags.runs);
const teardown = createTeardown();
const { defer } = teardown;
const log = (line = "") => console.log(line);

/**
 * Long animation frames (Chromium's LoAF entries: the frames a long task delayed, with the scripts
 * that ran in them and how long each took) — attribution without a profiler's overhead.
 */
const LOAF_SCRIPT = `(() => {
  window.__loaf = [];
  try {
    new PerformanceObserver((list) => {
      for (const frame of list.getEntries())
        window.__loaf.push({
          start: frame.startTime, duration: frame.duration, blocking: frame.blockingDuration,
          render: frame.renderStart ? frame.startTime + frame.duration - frame.renderStart : 0,
          scripts: frame.scripts.map((s) => [
            s.invokerType === "classic-script" || s.invokerType === "module-script" ? "evaluate" : s.invoker || s.invokerType,
            (s.sourceURL || "").split("/").at(-1), Math.round(s.duration)]),
        });
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch {}
})()`;

/** Scripts fetched before `until` (ms since navigation start) and in all, with their compressed bytes. */
const READ_PAGE = (until: number) => `(() => {
  const scripts = performance.getEntriesByType("resource").filter((e) => e.initiatorType === "script" || e.name.endsWith(".js"));
  const before = scripts.filter((e) => e.startTime < ${until});
  const bytes = (list) => list.reduce((sum, e) => sum + e.encodedBodySize, 0);
  const tasks = window.__bench.taskLog;
  const early = tasks.filter(([start]) => start < ${until});
  return {
    scriptsBefore: before.length, bytesBefore: bytes(before), scripts: scripts.length, bytes: bytes(scripts),
    tasksBefore: early.length, longestBefore: Math.max(0, ...early.map(([, d]) => d)),
    tasks: tasks.length, longest: Math.max(0, ...tasks.map(([, d]) => d)), taskMs: tasks.reduce((s, [, d]) => s + d, 0),
    list: scripts.map((e) => [new URL(e.name).pathname, e.encodedBodySize, e.startTime < ${until}]),
    frames: window.__loaf.filter((f) => f.start < ${until}),
  };
})()`;
type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
};
type PageFigures = {
  firstPaint: number;
  scriptsBefore: number;
  bytesBefore: number;
  scripts: number;
  bytes: number;
  tasksBefore: number;
  longestBefore: number;
  tasks: number;
  longest: number;
  taskMs: number;
  list: [path: string, bytes: number, beforePaint: boolean][];
  /** Long animation frames that began before the first paint. */
  frames: { start: number; duration: number; blocking: number; render: number; scripts: [string, string, number][] }[];
};

async function openOnce(browser: Browser, signedIn: BrowserContext, baseUrl: string, path: string, mark: string) {
  const context = await newBenchContext({ browser, baseUrl, from: signedIn });
  try {
    await context.addInitScript({ content: LOAF_SCRIPT });
    const page = await context.newPage();
    const cdp = flags.profile ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    if (flags.trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.goto(path);
    const firstPaint = await waitForMark(page, mark);
    if (flags.trace) printLongTasks(path, JSON.parse((await browser.stopTracing()).toString()) as Trace, firstPaint);
    if (cdp) printProfile(path, (await cdp.send("Profiler.stop")).profile as CpuProfile);
    // Long tasks of hydration and the first requests count too: wait until the page is quiet.
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(300);
    return { firstPaint, ...((await page.evaluate(READ_PAGE(firstPaint))) as Omit<PageFigures, "firstPaint">) };
  } finally {
    await context.close();
  }
}

/** --profile: where the main thread's time went until the first paint, by script and by function (self time). */
function printProfile(path: string, profile: CpuProfile) {
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    if (!frame || frame.functionName === "(idle)") return;
    const script = frame.url ? new URL(frame.url, "http://x").pathname : frame.functionName;
    add(byScript, script, ms);
    add(byFunction, `${frame.functionName || "(anonymous)"} ${script.split("/").at(-1)}:${frame.lineNumber}`, ms);
  });
  const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
  log(`\n   profile of ${path} until its first paint (self time; "(program)" is the browser's own work):`);
  for (const [key, time] of top(byScript, 8)) log(`     ${time.toFixed(1).padStart(7)} ms  ${key}`);
  for (const [key, time] of top(byFunction, 8)) log(`     ${time.toFixed(1).padStart(7)} ms    ${key}`);
}

// blink.user_timing: the page's navigationStart, the zero the first paint is measured from.
const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8.execute",
  "toplevel",
  "blink.user_timing",
];
type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any };
type Trace = { traceEvents: TraceEvent[] };
// What a main-thread task is made of: these events, outermost only.
const PARTS = new Set([
  "EvaluateScript",
  "v8.evaluateModule",
  "FunctionCall",
  "RunMicrotasks",
  "ParseHTML",
  "Layout",
  "UpdateLayoutTree",
  "Paint",
  "PrePaint",
  "Commit",
  "TimerFire",
  "EventDispatch",
  "FireAnimationFrame",
  "v8.compile",
  "CompileScript",
  "v8.parseOnBackground",
  "MajorGC",
  "MinorGC",
  "V8.GCScavenger",
  "XHRReadyStateChange",
]);

/**
 * --trace: each task of the page's main thread over 50 ms that began before the first paint, and what
 * ran in it (outermost events, by name and script).
 */
function printLongTasks(path: string, trace: Trace, firstPaintMs: number) {
  const events = trace.traceEvents.filter((event) => event.ph === "X" && event.dur !== undefined);
  // The page's main thread is the one that parsed its HTML; time 0 is its navigation start.
  const parse = events.find((event) => event.name === "ParseHTML");
  const navigation = trace.traceEvents.find(
    (event) => event.name === "navigationStart" && event.pid === parse?.pid && event.tid === parse?.tid,
  );
  if (!parse || !navigation) {
    log(`\n   ${path}: the trace has no navigation of the page`);
    return;
  }
  const since = (event: TraceEvent) => (event.ts - navigation.ts) / 1000;
  const tasks = events.filter(
    (event) =>
      event.name === "RunTask" &&
      event.pid === parse.pid &&
      event.tid === parse.tid &&
      (event.dur ?? 0) > 50_000 &&
      since(event) < firstPaintMs,
  );
  log(`\n   ${path}: ${tasks.length} task(s) over 50 ms before the first paint (${ms(firstPaintMs)})`);
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = events
      .filter(
        (e) =>
          e.pid === task.pid && e.tid === task.tid && e !== task && e.ts >= task.ts && e.ts < end && PARTS.has(e.name),
      )
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const parts = new Map<string, number>();
    let coveredUntil = -1;
    for (const event of inside) {
      if (event.ts < coveredUntil) continue; // nested in an outer part
      coveredUntil = event.ts + (event.dur ?? 0);
      const url: string = event.args?.data?.url ?? event.args?.data?.scriptName ?? "";
      const key = `${event.name}${url ? ` ${new URL(url, "http://x").pathname.split("/").at(-1)}` : ""}`;
      parts.set(key, (parts.get(key) ?? 0) + (event.dur ?? 0) / 1000);
    }
    const at = since(task).toFixed(0);
    const described = [...parts]
      .sort((a, b) => b[1] - a[1])
      .map(([key, ms]) => `${key} ${ms.toFixed(1)}`)
      .join(" · ");
    log(`     ${((task.dur ?? 0) / 1000).toFixed(1)} ms at ~${at} ms: ${described}`);
  }
}

function report(label: string, runs: PageFigures[]) {
  const mid = (key: Exclude<keyof PageFigures, "list" | "frames">) => median(runs.map((run) => run[key])) ?? Number.NaN;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  log(`\n${label} (${runs.length} runs, medians; cold cache)`);
  log(`   first paint ${ms(mid("firstPaint"))} after navigation start`);
  log(`   scripts requested before it: ${mid("scriptsBefore")} · ${kb(mid("bytesBefore"))} compressed`);
  log(`   long tasks before it: ${mid("tasksBefore")} · longest ${ms(mid("longestBefore"))}`);
  log(`   all scripts until the page is idle: ${mid("scripts")} · ${kb(mid("bytes"))} compressed`);
  log(`   all long tasks until idle: ${mid("tasks")} · longest ${ms(mid("longest"))} · ${ms(mid("taskMs"))} in all`);
  log(
    `   each run (KB before paint / long tasks before paint): ${runs.map((r) => `${kb(r.bytesBefore)}/${r.tasksBefore}`).join(" ")}`,
  );
  log(`   long animation frames before it (start ms: duration ms = scripts · rendering), each run:`);
  for (const run of runs) {
    const frames = run.frames.map(
      (f) =>
        `${Math.round(f.start)}: ${Math.round(f.duration)} = ${f.scripts.map(([what, file, ms]) => `${what}${file ? ` (${file})` : ""} ${ms}`).join(" + ") || "no script"} · rendering ${Math.round(f.render)}`,
    );
    log(`     ${frames.join("  |  ") || "none"}`);
  }
  if (flags.list && runs[0])
    for (const [path, bytes, beforePaint] of runs[0].list)
      log(`     ${beforePaint ? "before" : "after "} ${kb(bytes).padStart(9)}  ${path}`);
}

async function main() {
  const database = await createBenchDatabase({ root, embedded: flags.embedded, defer });
  if (!flags["skip-build"]) buildIfNeeded({ root });
  const pusherEnv = await startLocalPusher(defer);
  const secrets = {
    appSecret: `bench-secret-${randomBytes(8).toString("hex")}`,
    webhookKey: `bench_key_${randomBytes(12).toString("hex")}`,
    authSecret: randomBytes(32).toString("base64url"),
  };
  const server = await startNextServer({
    DATABASE_URL: database.url,
    WHATSAPP_APP_SECRET: secrets.appSecret,
    WHATSAPP_WEBHOOK_KEY: secrets.webhookKey,
    WHATSAPP_VERIFY_TOKEN: `verify-${randomBytes(6).toString("hex")}`,
    BETTER_AUTH_SECRET: secrets.authSecret,
    ...pusherEnv,
  });
  defer("stop next-server", () => server.stop());
  const agent = await createBenchAgent({ databaseUrl: database.url, authSecret: secrets.authSecret, defer });

  // A small inbox: 20 customers, 3 messages each.
  const runTag = randomBytes(3).toString("hex");
  for (let seq = 0; seq < 60; seq += 1) {
    const customer = { from: `44770090${String(1000 + (seq % 20))}`, name: `First Paint Customer ${seq % 20}` };
    const hook = signedTextWebhook({ appSecret: secrets.appSecret, ...customer, text: `Message ${seq}`, runTag, seq });
    const response = await fetch(`${server.url}/api/webhooks/whatsapp/${secrets.webhookKey}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": hook.signature },
      body: hook.body,
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  let conversationId: string | undefined;
  for (const deadline = Date.now() + 30_000; !conversationId && Date.now() < deadline;) {
    const { rows } = await client.query<{ id: string; n: number }>(
      "SELECT conversation_id AS id, count(*)::int AS n FROM messages GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
    );
    if (rows[0] && rows[0].n >= 3) conversationId = rows[0].id;
    else await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await client.end();
  if (!conversationId) throw new Error("the webhooks did not become conversations within 30 s");

  const browser = await launchChromium(defer);
  const signedIn = await signInContext({ browser, baseUrl: server.url, agent });
  const warm = await signedIn.newPage();
  await warm.goto("/inbox");
  await waitForMark(warm, "firstRow");
  log(
    `\n[bench] ${cpus().length} cores · Node ${process.versions.node} · Chromium ${browser.version()} · ${server.url} · ` +
      `load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")}`,
  );
  const list: PageFigures[] = [];
  const thread: PageFigures[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    list.push(await openOnce(browser, signedIn, server.url, "/inbox", "firstRow"));
    thread.push(await openOnce(browser, signedIn, server.url, `/inbox/${conversationId}`, "firstMessage"));
  }
  report("/inbox → first conversation row painted", list);
  report("/inbox/<id> → first message painted", thread);
}

runBench(main, teardown);
