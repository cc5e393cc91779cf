// npm run bench:team -- [--runs 20] [--api-requests 200] [--skip-build] [--skip-api] [--skip-browser] [--baseline <dir>]
// The team's tools at size (npm run db:seed:large: 12 labels with a skew, private notes, a customer
// with 50 conversations): a production `next start` with the bundled Pusher-protocol server, an
// agent signed in in Chromium. (a) the API from Node: the list filtered by a common, a rare and two
// labels (first page and the next keyset page), the 50-conversation contact panel; (b) Chromium:
// navigation or click → the filtered list / the contact panel painted. Prints figures, asserts none
// (it fails only when something answers wrongly). --baseline <dir>: another checkout's build (with
// node_modules and a `next build`) served beside this one on the same database, its Chromium runs
// alternating with this build's, so both figures come from the same minutes of a noisy machine.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { BrowserContext, Page } from "@playwright/test";
import pg from "pg";
import { buildIfNeeded } from "../../lib/cli/build-if-needed";
import { openConfiguredDatabase } from "../../lib/cli/configured-database";
import type { ConversationPage } from "../../lib/views/inbox";
import { PANEL_CONVERSATION_NO, SEED_PHONE_NUMBERS } from "../../lib/cli/seed-large-plan";
import { SEED_COMMON_LABEL, SEED_RARE_LABEL, SEED_SECOND_LABEL } from "../../lib/cli/seed-large-team";
import { root, startNextServer } from "../support/processes";
import {
  cookieHeader,
  createBenchAgent,
  launchChromium,
  newBenchContext,
  readMarks,
  signInContext,
  startLocalPusher,
  waitForMark,
} from "./browser";
import { forkSerialClient } from "./fork-serial-client";
import { spread } from "./stats";
import { describeTeamApi, measureTeamApi, worstP99 } from "./team-api-timing";
import { createTeardown, runBench } from "./teardown";

const PANEL_CONVERSATION = `seed_cv_${String(PANEL_CONVERSATION_NO).padStart(5, "0")}`;
const usage = `Usage: npm run bench:team -- [options]   (seed first: npm run db:seed:large)
  --runs <n>           Chromium runs of each page measurement (default 20)
  --api-requests <n>   sequential requests per API endpoint (default 200)
  --only <text>        only the Chromium measurements whose description contains <text>
  --skip-build --skip-api --skip-browser
  --baseline <dir>     also measure the build in <dir> in Chromium, alternating run by run
Database: DATABASE_URL, else the embedded database npm start uses (the running one, or started here).`;
const { values: flags } = parseArgs({
  options: {
    runs: { type: "string", default: "20" },
    "api-requests": { type: "string", default: "200" },
    "skip-build": { type: "boolean", default: false },
    "skip-api": { type: "boolean", default: false },
    "skip-browser": { type: "boolean", default: false },
    only: { type: "string", default: "" },
    baseline: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (flags.help) {
  console.log(usage);
  process.exit(0);
}
const RUNS = Number(flags.runs);
const API_REQUESTS = Number(flags["api-requests"]);
const BASELINE = flags.baseline ? resolve(flags.baseline) : null;
const teardown = createTeardown();
const { defer } = teardown;
const log = (line = "") => console.log(line);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

type Seeded = {
  labels: { common: string; second: string; rare: string };
  names: Record<string, string>;
  labelCounts: Record<string, number>;
  panelContactId: string;
  panelConversations: number;
  conversations: number;
  messages: number;
  notes: number;
};

async function readSeed(url: string): Promise<Seeded | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const labels = await client.query<{ id: string; name: string; count: number }>(
      `SELECT l.id, l.name, (SELECT count(*)::int FROM conversation_labels cl WHERE cl.label_id = l.id) AS count
       FROM labels l WHERE l.id = ANY($1::text[])`,
      [[SEED_COMMON_LABEL, SEED_SECOND_LABEL, SEED_RARE_LABEL]],
    );
    const panel = await client.query<{ contact_id: string; conversations: number }>(
      `SELECT c.contact_id, (SELECT count(*)::int FROM conversations o WHERE o.contact_id = c.contact_id) AS conversations
       FROM conversations c WHERE c.id = $1`,
      [PANEL_CONVERSATION],
    );
    const sizes = await client.query<{ conversations: number; messages: number; notes: number }>(
      `SELECT (SELECT count(*)::int FROM conversations) AS conversations, (SELECT count(*)::int FROM messages) AS messages,
              (SELECT count(*)::int FROM messages WHERE author_kind = 'note') AS notes`,
    );
    const row = panel.rows[0];
    if (labels.rowCount !== 3 || !row) return null;
    return {
      labels: { common: SEED_COMMON_LABEL, second: SEED_SECOND_LABEL, rare: SEED_RARE_LABEL },
      names: Object.fromEntries(labels.rows.map((label) => [label.id, label.name])),
      labelCounts: Object.fromEntries(labels.rows.map((label) => [label.id, label.count])),
      panelContactId: row.contact_id,
      panelConversations: row.conversations,
      conversations: sizes.rows[0]?.conversations ?? 0,
      messages: sizes.rows[0]?.messages ?? 0,
      notes: sizes.rows[0]?.notes ?? 0,
    };
  } finally {
    await client.end();
  }
}

/**
 * The ids of the filtered list's first page, as the API answers them for this agent. Rows cannot be
 * checked by their chips: a row shows its first labels by name only ("+1 more" hides the rest).
 */
async function firstPageIds(context: BrowserContext, labelIds: string[]): Promise<string[]> {
  const response = await context.request.get(
    `/api/conversations?status=open&assignee=all&labels=${labelIds.join(",")}`,
  );
  if (!response.ok()) throw new Error(`the filtered list answered ${response.status()}`);
  return ((await response.json()) as ConversationPage).conversations.map((conversation) => conversation.id);
}

/** In the page: the rows on screen are the filtered page's, starting with its first row. */
const showsOnly = (ids: string[]) => `(() => {
  const ids = new Set(${JSON.stringify(ids)});
  const rows = [...document.querySelectorAll('[data-testid="conversation-row"]')];
  const first = document.querySelector('[data-index="0"] [data-testid="conversation-row"]');
  return rows.length > 0 && first !== null && first.getAttribute("data-conversation-id") === ${JSON.stringify(ids[0] ?? "")}
    && rows.every((row) => ids.has(row.getAttribute("data-conversation-id")));
})()`;

/** The list on screen is the filtered one (a wrong filter is an error, not a figure). */
async function checkFiltered(page: Page, ids: string[], what: string) {
  await page.waitForLoadState("networkidle");
  if ((await page.evaluate(showsOnly(ids))) as boolean) return;
  const shot = `/tmp/bench-team-${Date.now()}.png`;
  await page.screenshot({ path: shot });
  throw new Error(`${page.url()} does not show the list filtered by ${what} (screenshot ${shot})`);
}

/** Navigation start → the unfiltered list's first row painted: what the filtered figures compare with. */
async function openInbox(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  await page.goto("/inbox");
  const painted = await waitForMark(page, "firstRow");
  await page.close();
  return painted;
}

/** Navigation start → the filtered list's first row painted (the server renders the filtered page). */
async function openFiltered(context: BrowserContext, labelIds: string[], ids: string[]): Promise<number> {
  const page = await context.newPage();
  await page.goto(`/inbox?labels=${labelIds.join(",")}`);
  const painted = await waitForMark(page, "firstRow");
  await checkFiltered(page, ids, labelIds.join(" + "));
  await page.close();
  return painted;
}

/**
 * In /inbox, the label filter's option clicked → the first frame whose list shows the filtered page
 * (refetched and rendered), read at every animation frame.
 */
async function clickFilter(context: BrowserContext, labelId: string, name: string, ids: string[]): Promise<number> {
  const page = await context.newPage();
  await page.goto("/inbox");
  await waitForMark(page, "firstRow");
  await page.waitForLoadState("networkidle");
  await page.getByRole("group", { name: "Label filter" }).getByRole("button", { name: "Labels" }).click();
  const option = page.getByRole("option", { name: new RegExp(name) });
  await option.waitFor();
  if ((await page.evaluate(showsOnly(ids))) as boolean) {
    throw new Error(`the unfiltered /inbox already showed the "${name}" rows: nothing to measure`);
  }
  await option.click();
  // Checked at every frame (polling "raf"): the time of the first frame whose DOM shows only the
  // filtered page. (A MutationObserver missed it: the last change the virtualized list makes is not
  // always a mutation of the rows it checks.)
  const shown = await page
    .waitForFunction(`(${showsOnly(ids)}) ? performance.now() : false`, null, { polling: "raf", timeout: 30_000 })
    .catch(() => null);
  const click = (await readMarks(page)).click ?? Number.NaN;
  if (!shown) {
    await checkFiltered(page, ids, labelId);
    throw new Error(`the list did not show the "${name}" rows within 30 s of the click`);
  }
  const painted = (await shown.jsonValue()) as number;
  await page.keyboard.press("Escape");
  await page.close();
  return painted - click;
}

/** Navigation to the panel customer's conversation → the panel's list of their conversations painted. */
async function openPanelDirectly(context: BrowserContext, expected: number): Promise<Measured> {
  const page = await context.newPage();
  await page.goto(`/inbox/${PANEL_CONVERSATION}`);
  const painted = await waitForMark(page, "firstContactConversation");
  const presented = await waitForMark(page, "firstContactConversationPainted", 5_000).catch(() => Number.NaN);
  // The first frame lists the first few (the rest are below the panel's fold); all of them follow.
  const listed = await page
    .waitForFunction(
      (count) => document.querySelectorAll('[data-testid="contact-conversation"]').length === count,
      expected,
      { timeout: 5_000 },
    )
    .then(() => expected)
    .catch(() => page.getByTestId("contact-conversation").count());
  await page.close();
  if (listed !== expected) throw new Error(`the contact panel listed ${listed} conversations, not ${expected}`);
  return { at: painted, presented };
}

/** In /inbox, a click on the panel customer's row (second newest) → the contact panel painted. */
async function clickPanelRow(context: BrowserContext): Promise<Measured> {
  const page = await context.newPage();
  await page.goto("/inbox");
  await waitForMark(page, "firstRow");
  await page.waitForLoadState("networkidle");
  await page.click(`[data-conversation-id="${PANEL_CONVERSATION}"]`);
  const painted = await waitForMark(page, "firstContactConversation");
  const presented = await waitForMark(page, "firstContactConversationPainted", 5_000).catch(() => Number.NaN);
  const click = (await readMarks(page)).click ?? Number.NaN;
  await page.close();
  return { at: painted - click, presented: presented - click };
}

/** A figure, and (where measured) the same moment by Element Timing: when the frame was presented. */
type Measured = number | { at: number; presented: number };

/**
 * Each build's runs, alternating (which goes first alternates too); one unmeasured run each first.
 * Per build: the figures, and the Element Timing ones where the measure gives them.
 */
async function repeat(
  runs: number,
  contexts: BrowserContext[],
  measure: (context: BrowserContext) => Promise<Measured>,
): Promise<{ values: number[]; presented: number[] }[]> {
  for (const context of contexts) await measure(context); // unmeasured: compiled routes, warm caches
  const results = contexts.map(() => ({ values: [] as number[], presented: [] as number[] }));
  for (let run = 0; run < runs; run += 1) {
    const order = contexts.map((_, index) => index);
    if (run % 2 === 1) order.reverse();
    for (const index of order) {
      const measured = await measure(contexts[index]!);
      const result = results[index]!;
      if (typeof measured === "number") result.values.push(measured);
      else {
        result.values.push(measured.at);
        if (Number.isFinite(measured.presented)) result.presented.push(measured.presented);
      }
    }
  }
  return results;
}

async function main() {
  const database = await openConfiguredDatabase();
  if (database.embedded) defer("stop embedded Postgres", () => database.embedded!.stop());
  const seed = await readSeed(database.url);
  if (!seed) throw new Error(`${database.which} has no labels or panel customer: run npm run db:seed:large -- --reset`);
  if (!flags["skip-build"]) buildIfNeeded({ root });

  const pusherEnv = await startLocalPusher(defer);
  const authSecret = randomBytes(32).toString("base64url");
  const server = await startNextServer({
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: authSecret,
    ...pusherEnv,
    // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": a CPU profile of next-server, written when it stops.
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
  });
  defer("stop next-server", () => server.stop());
  const agent = await createBenchAgent({ databaseUrl: database.url, authSecret, defer });
  const browser = await launchChromium(defer);
  const context = await signInContext({ browser, baseUrl: server.url, agent });
  // The same session works on the baseline's server: same database, same secret, same host.
  const baseline = BASELINE
    ? await startNextServer({ DATABASE_URL: database.url, BETTER_AUTH_SECRET: authSecret, ...pusherEnv }, BASELINE)
    : null;
  if (baseline) defer("stop the baseline's next-server", () => baseline.stop());
  const contexts = [context];
  if (baseline) contexts.push(await newBenchContext({ browser, baseUrl: baseline.url, from: context }));
  const { labels, names, labelCounts } = seed;
  const describe = (id: string) => `"${names[id]}" (${labelCounts[id]} conversations)`;
  log(
    `\n[bench] ${cpus().length} cores · Node ${process.versions.node} · Chromium ${browser.version()} · ${server.url}\n` +
      `[bench] ${database.which}: ${seed.conversations} conversations, ${seed.messages} messages (${seed.notes} private notes) · ` +
      `common label ${describe(labels.common)}, second ${describe(labels.second)}, rare ${describe(labels.rare)} · ` +
      `${PANEL_CONVERSATION}'s customer has ${seed.panelConversations} conversations · load average ${load()}`,
  );
  if (seed.panelConversations !== SEED_PHONE_NUMBERS)
    throw new Error(`the panel customer has ${seed.panelConversations} conversations, not ${SEED_PHONE_NUMBERS}`);

  if (!flags["skip-api"]) {
    log(`\nA  the JSON API from Node, ${API_REQUESTS} sequential requests each (after 3 unmeasured) · load ${load()}`);
    const client = await forkSerialClient();
    defer("stop the serial client", client.stop);
    const rows = await measureTeamApi({
      client,
      baseUrl: server.url,
      cookie: await cookieHeader(context),
      requests: API_REQUESTS,
      labels,
      panelContactId: seed.panelContactId,
    });
    for (const line of describeTeamApi(rows)) log(`   ${line}`);
    log(
      `   worst p99 of these: ${Math.round(worstP99(rows))} ms (target ≤ 50 ms); of the routes' own times: ${Math.round(worstP99(rows, "route"))} ms`,
    );
  }

  if (!flags["skip-browser"]) {
    log(`\nB  Chromium, ${RUNS} runs each (after 1 unmeasured), 1280 × 800 · load ${load()}`);
    const common = names[labels.common] ?? "";
    const ids = {
      common: await firstPageIds(context, [labels.common]),
      rare: await firstPageIds(context, [labels.rare]),
      two: await firstPageIds(context, [labels.common, labels.second]),
    };
    if (baseline) log(`   each figure twice: this build, then the baseline (${BASELINE}), runs alternating`);
    const measurements: [string, (context: BrowserContext) => Promise<Measured>][] = [
      [`/inbox, no filter (reference) → first row painted`, (on) => openInbox(on)],
      [`/inbox?labels=<common> → first row painted`, (on) => openFiltered(on, [labels.common], ids.common)],
      [`/inbox?labels=<rare> → first row painted`, (on) => openFiltered(on, [labels.rare], ids.rare)],
      [`/inbox?labels=<two> → first row painted`, (on) => openFiltered(on, [labels.common, labels.second], ids.two)],
      [
        `click the common label in the filter → list painted`,
        (on) => clickFilter(on, labels.common, common, ids.common),
      ],
      [`/inbox/<50-conversation customer> → panel painted`, (on) => openPanelDirectly(on, SEED_PHONE_NUMBERS)],
      [`click that customer's row in /inbox → panel painted`, (on) => clickPanelRow(on)],
    ];
    for (const [label, measure] of measurements.filter(([label]) => label.includes(flags.only))) {
      try {
        const [own, base] = await repeat(RUNS, contexts, measure);
        const presentedLine = (presented: number[]) =>
          presented.length > 0
            ? [`   ${"    presented (Element Timing)".padEnd(54)} ${spread(presented, [50, 90, 99])}`]
            : [];
        for (const line of [
          `   ${label.padEnd(54)} ${spread(own!.values, [50, 90, 99])}`,
          ...presentedLine(own!.presented),
        ])
          log(line);
        if (base) {
          log(`   ${"  baseline".padEnd(54)} ${spread(base.values, [50, 90, 99])}`);
          for (const line of presentedLine(base.presented)) log(line);
        }
      } catch (error) {
        // A page that never shows what it should is an error of the run, not a figure; the others still run.
        log(`   ${label.padEnd(54)} FAILED: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      }
    }
    log(
      `   (target: painted ≤ 300 ms; navigation figures count from navigation start, click figures from the click;` +
        ` "presented": the frame showing the panel's first entry reached the screen, by Element Timing)`,
    );
  }
  log(`\n[bench] done · load average ${load()}`);
}

runBench(main, teardown);
