// npm run bench:media -- [--images 30] [--size-kb 1024] [--serves 500] [--scroll-messages 5000]
//   [--scroll-photos 500] [--scroll-kb 150] [--skip-build] [--embedded] [--baseline <dir>]
// A customer's photo, from Meta to the agent's screen: the signed webhook is acknowledged, the
// worker asks the fake Graph API for the URL, downloads the file (about 1 MB, with the Bearer
// token), checks its sha256, stores it, and the open thread in Chromium draws the decoded image.
// Measured from the ack to the frame after the <img> finished loading, one photo at a time. Then
// the stored photo served by GET /api/media/<id> with the agent's session, one request at a time.
// Last, a thread of 5,000 messages holding 500 stored photos scrolled from the newest to the oldest
// (media-scroll.ts).
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildIfNeeded } from "../../lib/cli/build-if-needed";
import { signPayload } from "../../lib/whatsapp/signature";
import { buildMessagesWebhook } from "../../lib/whatsapp/sample-payloads";
import { startGraphSandbox } from "../../lib/sandbox/graph-api";
import { noisePng } from "../support/png";
import { scrollPhotoThread, seedPhotoThread } from "./media-scroll";
import { root, startNextServer } from "../support/processes";
import { cookieHeader, createBenchAgent, launchChromium, signInContext, startLocalPusher } from "./browser";
import { createBenchDatabase } from "./database";
import { forkSerialClient } from "./fork-serial-client";
import { routeDuration } from "./inbox-api-timing";
import { spread } from "./stats";
import { createTeardown, runBench } from "./teardown";
import { startWorkers } from "./workers";

const usage = `Usage: npm run bench:media -- [options]
  --images <n>     measured photos, one at a time (default 30, after 3 unmeasured)
  --size-kb <n>    each photo's size (default 1024: a noise PNG that does not compress)
  --serves <n>     GET /api/media/<id> of a stored photo, one at a time (default 500)
  --scroll-messages <n>  messages in the thread scrolled through at the end (default 5000; 0 skips it)
  --scroll-photos <n>    of which stored photos (default 500)
  --scroll-kb <n>        each of those photos' size (default 150: a phone's photo as WhatsApp sends it)
  --skip-build     use the existing .next build
  --embedded       the embedded Postgres even when a server is reachable
  --baseline <dir> also serve the files from the build in <dir> (a checkout with node_modules and
                   .next), its requests alternating with this build's
Database: a fresh one on DATABASE_URL's server, else postgresql://postgres@127.0.0.1:5432, else the
embedded Postgres; dropped at the end (KEEP_BENCH_DATABASE=1 keeps it).`;
const { values: flags } = parseArgs({
  options: {
    images: { type: "string", default: "30" },
    "size-kb": { type: "string", default: "1024" },
    serves: { type: "string", default: "500" },
    "scroll-messages": { type: "string", default: "5000" },
    "scroll-photos": { type: "string", default: "500" },
    "scroll-kb": { type: "string", default: "150" },
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
const IMAGES = Number(flags.images);
const WARMUP = 3;
const SIDE = Math.round(Math.sqrt((Number(flags["size-kb"]) * 1024) / 3));
const SERVES = Number(flags.serves);
const SCROLL_MESSAGES = Number(flags["scroll-messages"]);
const SCROLL_PHOTOS = Number(flags["scroll-photos"]);
const BASELINE = flags.baseline ? resolve(flags.baseline) : null;
const teardown = createTeardown();
const { defer } = teardown;
const log = (line = "") => console.log(line);
const wall = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CUSTOMER = { waId: "447700900778", name: "Media Bench Customer" };
const SCROLLER = { waId: "447700900779", name: "Scroll Bench Customer" };

// In the page: resolves with the wall-clock time of the frame after an <img alt=marker> has loaded.
const WAIT_FOR_IMAGE = String.raw`(marker) => new Promise((resolve, reject) => {
  const wall = () => performance.timeOrigin + performance.now();
  const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(wall()), 0));
  const check = () => {
    const img = [...document.querySelectorAll("img")].find((element) => element.alt === marker);
    if (!img) return false;
    if (img.complete && img.naturalWidth > 0) painted();
    else img.addEventListener("load", painted, { once: true });
    return true;
  };
  if (check()) return;
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => reject(new Error("not shown within 20 s: " + marker)), 20_000);
})`;

async function main() {
  const database = await createBenchDatabase({ root, embedded: flags.embedded, defer });
  if (!flags["skip-build"]) buildIfNeeded({ root });
  const dataDir = await mkdtemp(join(tmpdir(), "bench-media-"));
  defer("remove the media files", () => rm(dataDir, { recursive: true, force: true }));
  const pusherEnv = await startLocalPusher(defer);
  const graph = await startGraphSandbox();
  defer("stop the fake Graph API", graph.close);
  const token = `bench-${randomBytes(6).toString("hex")}`;
  graph.tokens.set(token, "valid");
  // The worker process takes these from this process's environment (tests/bench/workers.ts).
  Object.assign(process.env, {
    WHATSAPP_GRAPH_API_URL: graph.url,
    WHATSAPP_ACCESS_TOKEN: token,
    DATA_DIR: dataDir,
    ...pusherEnv,
  });
  const secrets = {
    appSecret: `bench-secret-${randomBytes(8).toString("hex")}`,
    webhookKey: `bench_key_${randomBytes(12).toString("hex")}`,
    authSecret: randomBytes(32).toString("base64url"),
  };
  // The npm start layout: the server acknowledges, one worker processes and downloads.
  const server = await startNextServer({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    WHATSAPP_APP_SECRET: secrets.appSecret,
    WHATSAPP_WEBHOOK_KEY: secrets.webhookKey,
    WHATSAPP_VERIFY_TOKEN: `verify-${randomBytes(6).toString("hex")}`,
    BETTER_AUTH_SECRET: secrets.authSecret,
    WHATSAPP_GRAPH_API_URL: graph.url,
    WHATSAPP_ACCESS_TOKEN: token,
    PROCESS_AFTER_ACK: "false",
    ...pusherEnv,
    // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": a CPU profile of next-server, written when it stops.
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
  });
  defer("stop next-server", () => server.stop());
  await startWorkers({ count: 1, databaseUrl: database.url, defer });
  const agent = await createBenchAgent({ databaseUrl: database.url, authSecret: secrets.authSecret, defer });

  const webhookUrl = `${server.url}/api/webhooks/whatsapp/${secrets.webhookKey}`;
  const post = async (message: Record<string, unknown>, customer = CUSTOMER) => {
    const body = JSON.stringify(
      buildMessagesWebhook({
        contacts: [{ waId: customer.waId, name: customer.name }],
        messages: [
          {
            from: customer.waId,
            id: `wamid.BENCHMEDIA${randomBytes(8).toString("hex")}`,
            timestamp: String(Math.floor(Date.now() / 1000)),
            ...message,
          },
        ],
      }),
    );
    const response = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signPayload(body, secrets.appSecret) },
      body,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  };
  await post({ type: "text", text: { body: "I'll send you photos of the parcel" } });
  const conversationId = await waitFor(database.url, "SELECT id FROM conversations LIMIT 1");

  const browser = await launchChromium(defer);
  const context = await signInContext({ browser, baseUrl: server.url, agent });
  const page = await context.newPage();
  await page.goto(`/inbox/${conversationId}`);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");

  const sample = noisePng(SIDE, SIDE);
  log(
    `\n[bench] ${cpus().length} cores · Node ${process.versions.node} · Chromium ${browser.version()} · ${database.name} on ${database.where}` +
      `\n[bench] npm start layout (next start acking + 1 worker) · ${WARMUP} + ${IMAGES} photos of ${(sample.length / 1024).toFixed(0)} KB ` +
      `(${SIDE}×${SIDE} PNG), one at a time · load average ${loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")}`,
  );
  const visible: number[] = [];
  for (let index = 1; index <= WARMUP + IMAGES; index += 1) {
    const bytes = noisePng(SIDE, SIDE);
    const mediaId = String(9_000_000_000_000 + index);
    graph.media.set(mediaId, { bytes, mimeType: "image/png" });
    const marker = `bench photo ${index} ${randomBytes(3).toString("hex")}`;
    const shown = page.evaluate(`(${WAIT_FOR_IMAGE})(${JSON.stringify(marker)})`) as Promise<number>;
    await post({
      type: "image",
      image: {
        id: mediaId,
        mime_type: "image/png",
        sha256: createHash("sha256").update(bytes).digest("base64"),
        caption: marker,
      },
    });
    const ackAt = wall();
    const paintedAt = await shown;
    if (index > WARMUP) visible.push(paintedAt - ackAt);
    await sleep(100);
  }
  log(
    `[bench] webhook ack → the ${(sample.length / 1024).toFixed(0)} KB photo drawn in the open thread: ${spread(visible)}`,
  );
  // The server's share: webhook stored → file stored (the rest is the event, the fetches and the paint).
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ ms: number }>(
    `SELECT extract(epoch FROM md.stored_at - r.received_at) * 1000 AS ms
     FROM media md JOIN messages m ON m.id = md.message_id JOIN raw_events r ON r.id = m.raw_event_id
     WHERE md.state = 'stored' ORDER BY md.stored_at DESC LIMIT ${IMAGES}`,
  );
  await client.end();
  log(
    `[bench]   of which webhook stored → file stored (processing, GET /{media-id}, download, sha256, write): ${spread(rows.map((row) => Number(row.ms)))}`,
  );

  const messageId = await waitFor(
    database.url,
    "SELECT message_id AS id FROM media WHERE state = 'stored' ORDER BY stored_at DESC LIMIT 1",
  );
  // A phone's photo as WhatsApp sends it (about 150 KB), served beside the megabyte.
  const phoneSide = Math.round(Math.sqrt((Number(flags["scroll-kb"]) * 1024) / 3));
  const phonePhoto = noisePng(phoneSide, phoneSide);
  graph.media.set("9100000000001", { bytes: phonePhoto, mimeType: "image/png" });
  await post({
    type: "image",
    image: {
      id: "9100000000001",
      mime_type: "image/png",
      sha256: createHash("sha256").update(phonePhoto).digest("base64"),
    },
  });
  const phonePhotoMessageId = await waitFor(
    database.url,
    `SELECT md.message_id AS id FROM media md JOIN messages m ON m.id = md.message_id
     WHERE md.state = 'stored' AND m.wamid IS NOT NULL AND md.size = ${phonePhoto.length} LIMIT 1`,
  );
  const cookie = await cookieHeader(context);
  // Another build on the same database, files and secrets (so the same cookie works there), its
  // requests alternating one by one with this build's: both see the same minutes of the machine.
  const baseline = BASELINE
    ? await startNextServer(
        {
          DATABASE_URL: database.url,
          DATA_DIR: dataDir,
          BETTER_AUTH_SECRET: secrets.authSecret,
          PROCESS_AFTER_ACK: "false",
          RECOVERY_LOOP: "off",
          ...pusherEnv,
        },
        BASELINE,
      )
    : null;
  if (baseline) defer("stop the baseline's next-server", () => baseline.stop());
  const servers = baseline ? [server, baseline] : [server];
  // Timed from a process of its own (serial-client.ts), one request at a time; with a baseline,
  // each round asks both builds, which goes first alternating.
  const serial = await forkSerialClient();
  defer("stop the serial client", serial.stop);
  const report = (name: string, durations: number[][], routeDurations: number[][]) => {
    const route = (which: number) =>
      routeDurations[which]!.length > 0
        ? ` · the route's own time (Server-Timing): ${spread(routeDurations[which]!)}`
        : "";
    log(`[bench] ${name}: ${spread(durations[0]!)}${route(0)}`);
    if (baseline) log(`[bench]   baseline (${BASELINE}): ${spread(durations[1]!)}${route(1)}`);
  };
  const timed = async (
    name: string,
    path: string,
    {
      headers = {},
      expect = {},
      warmup = 0,
    }: { headers?: Record<string, string>; expect?: { status?: number; bytes?: number }; warmup?: number } = {},
  ) => {
    const targets = servers.map((target) => ({ url: `${target.url}${path}`, headers }));
    const { durations, routeDurations } = await serial.run({ targets, count: SERVES, warmup, expect });
    report(name, durations, routeDurations);
  };
  if (baseline) log(`[bench] each request below also to the baseline build (${BASELINE}), alternating`);
  // The floor on this machine at this moment: a route that touches nothing.
  await timed("GET /api/health (the framework's floor, for comparison)", "/api/health");
  await timed(
    `GET /api/media/<id> of a stored ${(sample.length / 1024).toFixed(0)} KB photo, whole body read`,
    `/api/media/${messageId}`,
    { headers: { cookie }, expect: { status: 200, bytes: sample.length }, warmup: 20 },
  );
  {
    // How this was timed before serial-client.ts: fetch() in this process, the body in one buffer.
    const durations: number[] = [];
    const routeDurations: number[] = [];
    for (let index = -20; index < SERVES; index += 1) {
      const startedAt = performance.now();
      const response = await fetch(`${server.url}/api/media/${messageId}`, { headers: { cookie } });
      const body = await response.arrayBuffer();
      if (response.status !== 200 || body.byteLength !== sample.length)
        throw new Error(`GET /api/media answered ${response.status}`);
      if (index < 0) continue;
      durations.push(performance.now() - startedAt);
      const route = routeDuration(response);
      if (route !== null) routeDurations.push(route);
    }
    log(
      `[bench]   the same timed from the benchmark's own process with fetch() (how this was timed before 2026-12-03): ` +
        `${spread(durations)} · the route's own time: ${spread(routeDurations)}`,
    );
  }
  await timed(
    `GET /api/media/<id> of a stored ${(phonePhoto.length / 1024).toFixed(0)} KB photo (a phone's), whole body read`,
    `/api/media/${phonePhotoMessageId}`,
    { headers: { cookie }, expect: { status: 200, bytes: phonePhoto.length }, warmup: 20 },
  );
  await timed("the 1 MB photo with Range: bytes=0-65535 (206)", `/api/media/${messageId}`, {
    headers: { cookie, range: "bytes=0-65535" },
    expect: { status: 206, bytes: 65536 },
  });

  if (SCROLL_MESSAGES > 0) {
    // Another customer's thread: this one's 33 photos stay as they are.
    await post({ type: "text", text: { body: "Hello, photos of my order below" } }, SCROLLER);
    const scrollConversationId = await waitFor(
      database.url,
      `SELECT c.id FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE k.wa_id = '${SCROLLER.waId}'`,
    );
    const thread = await seedPhotoThread({
      databaseUrl: database.url,
      dataDir,
      conversationId: scrollConversationId,
      messages: SCROLL_MESSAGES,
      images: SCROLL_PHOTOS,
      sizeKb: Number(flags["scroll-kb"]),
    });
    const scrolled = await scrollPhotoThread({
      context,
      conversationId: scrollConversationId,
      target: SCROLL_MESSAGES,
    });
    const over = (limit: number) => scrolled.frames.filter((frame) => frame > limit).length;
    log(
      `[bench] a ${thread.messages}-message thread with ${thread.images} stored photos (${(thread.imageBytes / thread.images / 1024).toFixed(0)} KB each), ` +
        `scrolled up 100 px a frame from the newest to the oldest · load average ${loadavg()
          .map((value) => value.toFixed(2))
          .join(" ")}`,
    );
    log(
      `[bench]   frame time: ${spread(scrolled.frames, [50, 95, 99])} · frames > 20 ms: ${over(20)} · > 50 ms: ${over(50)}`,
    );
    log(
      `[bench]   ${scrolled.seen} messages on screen in ${(scrolled.ms / 1000).toFixed(1)} s (standing at the end of what was loaded, ` +
        `waiting for the next page: ${(scrolled.stalledMs / 1000).toFixed(1)} s) · photos drawn ${scrolled.photosDrawn} of ${scrolled.photoBoxes} ` +
        `· long tasks ${scrolled.longTasks.length} (worst ${
          [...scrolled.longTasks]
            .sort((a, b) => b - a)
            .slice(0, 5)
            .join(", ") || "–"
        } ms)`,
    );
    log(`[bench]   ${scrolled.longFrames}`);
  }
}

async function waitFor(databaseUrl: string, sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(100)) {
      const { rows } = await client.query<{ id: string }>(sql);
      if (rows[0]) return rows[0].id;
    }
  } finally {
    await client.end();
  }
  throw new Error(`nothing for ${sql} within 30 s`);
}

runBench(main, teardown);
