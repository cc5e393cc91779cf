// The browser side of the inbox benchmarks: Chromium launched the way the E2E tests launch it, an
// agent of the benchmark's own signed in through the real sign-in page, and a script in every page
// that records when things appear on screen (the page's own clock: performance.now()).
import { randomBytes } from "node:crypto";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import pg from "pg";
import playwrightConfig from "../../playwright.config";
import { startPusherServer } from "../../lib/realtime/pusher-server";
import type { Defer } from "./database";

export type BenchAgent = { id: string; name: string; email: string; password: string };

export async function launchChromium(defer: Defer): Promise<Browser> {
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions ?? {});
  defer("close Chromium", () => browser.close());
  return browser;
}

/**
 * A fresh agent in the database the server uses, created with better-auth's server API (the same
 * call an admin's "Add user" makes), deleted again at the end with everything that hangs off it.
 */
export async function createBenchAgent({
  databaseUrl,
  authSecret,
  defer,
}: {
  databaseUrl: string;
  authSecret: string;
  defer: Defer;
}): Promise<BenchAgent> {
  Object.assign(process.env, { DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: authSecret });
  const { reloadEnv } = await import("../../lib/env");
  reloadEnv();
  const { getAuth } = await import("../../lib/auth/auth");
  const { getDb } = await import("../../lib/db/client");
  const tag = randomBytes(4).toString("hex");
  const agent = {
    name: `Bench Agent ${tag}`,
    email: `bench-agent-${tag}@example.com`,
    password: `bench-pw-${randomBytes(8).toString("hex")}`,
  };
  const { user } = await getAuth().api.createUser({ body: { ...agent, role: "agent" } });
  await getDb().$disconnect();
  defer(`delete ${agent.email}`, async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query("DELETE FROM users WHERE id = $1", [user.id]); // sessions, accounts, reads cascade
    await client.end();
  });
  return { id: user.id, ...agent };
}

/** Signs in through /login as a person would; the context keeps the session cookie. */
export async function signInContext({
  browser,
  baseUrl,
  agent,
}: {
  browser: Browser;
  baseUrl: string;
  agent: BenchAgent;
}): Promise<BrowserContext> {
  const context = await newBenchContext({ browser, baseUrl });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(agent.email);
  await page.getByLabel("Password").fill(agent.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/inbox/, { timeout: 30_000 });
  await page.close();
  return context;
}

/** A browser context whose pages record marks and long tasks; `from`: signed in as that context is. */
export async function newBenchContext({
  browser,
  baseUrl,
  from,
}: {
  browser: Browser;
  baseUrl: string;
  from?: BrowserContext;
}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
    ...(from ? { storageState: await from.storageState() } : {}),
  });
  await context.addInitScript({ content: PAGE_SCRIPT });
  return context;
}

/** The session cookie, for timing the JSON API from Node as the browser would call it. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** The bundled Pusher-protocol server, as `npm start` runs it, and the PUSHER_* that point at it. */
export async function startLocalPusher(defer: Defer): Promise<Record<string, string>> {
  const app = {
    appId: `bench-${randomBytes(3).toString("hex")}`,
    key: `bench-key-${randomBytes(6).toString("hex")}`,
    secret: randomBytes(24).toString("base64url"),
  };
  const server = await startPusherServer({ ...app, host: "127.0.0.1", port: 0 });
  defer("stop the Pusher server", () => server.close());
  return {
    PUSHER_APP_ID: app.appId,
    PUSHER_KEY: app.key,
    PUSHER_SECRET: app.secret,
    PUSHER_HOST: server.host,
    PUSHER_PORT: String(server.port),
    PUSHER_USE_TLS: "false",
  };
}

export type PageMarks = Record<string, number>;

/** The marks recorded so far (ms since the page's navigation start). */
export const readMarks = (page: Page): Promise<PageMarks> => page.evaluate("({ ...window.__bench.marks })");

export async function waitForMark(page: Page, name: string, timeoutMs = 60_000): Promise<number> {
  await page.waitForFunction(`window.__bench && window.__bench.marks[${JSON.stringify(name)}] !== undefined`, null, {
    timeout: timeoutMs,
    polling: 50,
  });
  return (await readMarks(page))[name] ?? Number.NaN;
}

/**
 * Runs in every page before the app's scripts (plain JavaScript: tsx would add helpers to a
 * TypeScript function that do not exist in the page).
 * - marks firstRow / firstMessage / firstContactConversation: the first conversation row / message
 *   bubble / conversation listed in the contact panel in the DOM ("…Dom")
 *   and after the frame that shows it was produced (rAF, then a task: the paint has happened; a
 *   task already queued, such as hydration, can run first and make it late); "…Painted": when
 *   that frame was presented, by Element Timing (the element's renderTime);
 * - marks click: the timeStamp of the last click; enterAt: wall-clock time of the last Enter keydown; taskLog: [start, duration] of every long task (> 50 ms);
 * - seen[marker]: wall-clock time (timeOrigin + now) a message bubble with a "rtm-…" marker showed;
 * - waitForRead(marker): resolves with the wall-clock time of the frame after that bubble turned read;
 * - ws: wall-clock arrival of every Pusher frame that announces a message;
 * - scroll(): scrolls a container frame by frame and records each frame's duration, and how long
 *   the scroll stood still at the end of what was loaded (waiting for the next page).
 */
const PAGE_SCRIPT = String.raw`(() => {
  const bench = (window.__bench = { marks: {}, seen: {}, waiters: {}, ws: [], longTasks: [], taskLog: [], frames: [] });
  const wall = () => performance.timeOrigin + performance.now();
  const afterPaint = (done) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done();
      channel.port2.postMessage(null);
    });
  const firsts = [
    ["firstRow", '[data-testid="conversation-row"]'],
    ["firstMessage", '[data-testid="message"]'],
    ["firstContactConversation", '[data-testid="contact-conversation"]'],
  ];
  const markerPattern = /rtm-[a-z0-9]+-\d+-ok/g;
  const noteMarkers = (element) => {
    for (const marker of element.textContent.match(markerPattern) || []) {
      if (bench.seen[marker]) continue;
      const entry = (bench.seen[marker] = { dom: wall(), paint: null });
      afterPaint(() => {
        entry.paint = wall();
        const waiter = bench.waiters[marker];
        if (waiter) waiter(entry);
      });
    }
  };
  const onMutations = (records) => {
    for (const [name, selector] of firsts) {
      if (bench.marks[name + "Dom"] !== undefined || !document.querySelector(selector)) continue;
      bench.marks[name + "Dom"] = performance.now();
      afterPaint(() => (bench.marks[name] = performance.now()));
      // Element Timing reports when this element's text was first presented on screen ("…Painted").
      const element = document.querySelector(selector);
      for (const node of [element, ...element.querySelectorAll("*")]) node.setAttribute("elementtiming", name);
    }
    if (!bench.watchMarkers) return;
    for (const record of records) {
      const nodes = record.type === "characterData" ? [record.target.parentElement] : record.addedNodes;
      for (const node of nodes) {
        if (!node || node.nodeType !== 1) continue;
        const own = node.closest('[data-testid="message"]');
        if (own) noteMarkers(own);
        else for (const bubble of node.querySelectorAll('[data-testid="message"]')) noteMarkers(bubble);
      }
    }
  };
  new MutationObserver(onMutations).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener("click", (event) => (bench.marks.click = event.timeStamp), true);
  // The moment the browser received an Enter (wall clock): where a reply's latency starts for the agent.
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter") bench.marks.enterAt = performance.timeOrigin + event.timeStamp;
  }, true);
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {}
  };
  observe("paint", (entry) => entry.name === "first-contentful-paint" && (bench.marks.fcp = entry.startTime));
  observe("largest-contentful-paint", (entry) => (bench.marks.lcp = entry.startTime));
  observe("element", (entry) => {
    const key = entry.identifier + "Painted";
    const at = entry.renderTime || entry.startTime;
    if (bench.marks[key] === undefined || at < bench.marks[key]) bench.marks[key] = at;
  });
  observe("longtask", (entry) => {
    bench.longTasks.push(Math.round(entry.duration));
    bench.taskLog.push([Math.round(entry.startTime), Math.round(entry.duration)]);
  });
  // Where a long frame's time went: scripts (by what invoked them), style and layout, the rest.
  observe("long-animation-frame", (entry) => {
    const end = entry.startTime + entry.duration;
    const scripts = entry.scripts.map((script) => ({
      invoker: String(script.invoker || script.invokerType).slice(0, 60),
      ms: script.duration,
    }));
    bench.frames.push({
      start: entry.startTime,
      ms: entry.duration,
      scriptMs: scripts.reduce((sum, script) => sum + script.ms, 0),
      layoutMs: entry.styleAndLayoutStart ? end - entry.styleAndLayoutStart : 0,
      renderMs: entry.renderStart ? end - entry.renderStart : 0,
      scripts,
    });
  });
  // Wall-clock time of the frame after the bubble holding the marker first shows read (blue) ticks.
  bench.waitForRead = (marker) =>
    new Promise((resolve) => {
      const isRead = () =>
        [...document.querySelectorAll('[data-testid="message"][data-status="read"]')].some((bubble) =>
          bubble.textContent.includes(marker),
        );
      const done = () => afterPaint(() => resolve(wall()));
      if (isRead()) return done();
      const observer = new MutationObserver(() => {
        if (!isRead()) return;
        observer.disconnect();
        done();
      });
      observer.observe(document, { subtree: true, attributes: true, attributeFilter: ["data-status"], childList: true });
    });
  bench.waitFor = (marker) =>
    new Promise((resolve) => {
      const entry = bench.seen[marker];
      if (entry && entry.paint) resolve(entry);
      else bench.waiters[marker] = resolve;
    });
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (typeof event.data === "string" && event.data.includes("message-created"))
          bench.ws.push({ at: wall(), data: event.data });
      });
    }
  };
  bench.scroll = ({ selector, item, idAttribute, step, target, timeoutMs }) =>
    new Promise((resolve) => {
      const container = document.querySelector(selector);
      const ids = new Set();
      const frames = [];
      const longTasksBefore = bench.longTasks.length;
      let last = null;
      let start = null;
      let count = 0;
      let position = null;
      let stalledMs = 0;
      const slowAt = [];
      const tick = (now) => {
        if (last !== null) frames.push(now - last);
        // How far the scroll had got when a frame took > 50 ms (does it get worse as items pile up?).
        if (last !== null && now - last > 50) slowAt.push(ids.size);
        // The scroll did not move since the last frame: at the end of what is loaded, waiting.
        if (last !== null && container.scrollTop === position) stalledMs += now - last;
        position = container.scrollTop;
        last = now;
        start ??= now;
        if (count++ % 5 === 0) for (const element of container.querySelectorAll(item)) ids.add(element.getAttribute(idAttribute));
        if (ids.size >= target || now - start > timeoutMs) {
          resolve({ frames, seen: ids.size, ms: now - start, stalledMs, slowAt, longTasks: bench.longTasks.slice(longTasksBefore) });
          return;
        }
        container.scrollBy(0, step);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
})();`;
