// bench:media's scrolling part: a long thread full of customers' photos, scrolled from the newest
// message to the oldest frame by frame in Chromium, with every photo a real stored file served by
// GET /api/media/<id> (lazy-loaded, in boxes of a fixed size) — what an agent does when looking for
// "the photo from last month".
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { BrowserContext } from "@playwright/test";
import pg from "pg";
import { createLocalMediaStorage } from "../../lib/media/disk-storage";
import { noisePng } from "../support/png";
import { waitForMark } from "./browser";

export type PhotoThread = { messages: number; images: number; imageBytes: number };

/**
 * Writes `messages` messages into the conversation, older than anything in it, one in every
 * messages/images an inbound photo already stored (a distinct noise PNG of about `sizeKb`, so the
 * browser fetches and decodes each one), the rest texts of both directions.
 */
export async function seedPhotoThread({
  databaseUrl,
  dataDir,
  conversationId,
  messages,
  images,
  sizeKb,
}: {
  databaseUrl: string;
  dataDir: string;
  conversationId: string;
  messages: number;
  images: number;
  sizeKb: number;
}): Promise<PhotoThread> {
  const every = Math.max(1, Math.floor(messages / images));
  const side = Math.round(Math.sqrt((sizeKb * 1024) / 3));
  const storage = createLocalMediaStorage(join(dataDir, "media"));
  const shas: string[] = [];
  let imageBytes = 0;
  for (let index = 0; index < images; index += 1) {
    const bytes = noisePng(side, side);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await storage.put({ sha256, bytes });
    shas.push(sha256);
    imageBytes += bytes.length;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Message g is a photo when g is a multiple of `every`: photo k (1-based) is message k × every.
    await client.query(
      `INSERT INTO messages (id, wamid, conversation_id, direction, type, text, content, timestamp, status, status_at, created_at)
       SELECT 'bench_scroll_' || lpad(g::text, 6, '0'), 'wamid.BENCHSCROLL' || lpad(g::text, 6, '0'), $1,
              (CASE WHEN g % $3 <> 0 AND g % 3 = 0 THEN 'outbound' ELSE 'inbound' END)::message_direction,
              CASE WHEN g % $3 = 0 AND g / $3 <= $4 THEN 'image' ELSE 'text' END,
              body, CASE WHEN g % $3 = 0 AND g / $3 <= $4
                         THEN jsonb_build_object('id', (9100000000000000 + g)::text, 'mime_type', 'image/png',
                                                 'sha256', ($5::text[])[g / $3])
                         ELSE jsonb_build_object('body', body) END,
              ts, CASE WHEN g % $3 <> 0 AND g % 3 = 0 THEN 'read'::message_status END,
              CASE WHEN g % $3 <> 0 AND g % 3 = 0 THEN ts + interval '5 seconds' END, ts
       FROM generate_series(1, $2::int) AS g,
            LATERAL (SELECT (SELECT min(timestamp) FROM messages WHERE conversation_id = $1)
                            - make_interval(secs => ($2::int - g + 1) * 97) AS ts,
                            CASE WHEN g % $3 = 0 AND g / $3 <= $4 THEN NULL
                                 ELSE 'Message ' || g || ' of the scroll benchmark: the parcel, the size, the address '
                                      || 'and when it will arrive — a line or two like most of what customers write.' END AS body) AS m`,
      [conversationId, messages, every, images, shas],
    );
    await client.query(
      `INSERT INTO media (message_id, media_id, state, sha256, mime_type, size, expires_at, stored_at)
       SELECT 'bench_scroll_' || lpad((k * $1::int)::text, 6, '0'), (9100000000000000 + k * $1::int)::text,
              'stored', sha, 'image/png', $2::int, now() + interval '7 days', now()
       FROM unnest($3::text[]) WITH ORDINALITY AS s(sha, k)`,
      [every, Math.round(imageBytes / images), shas],
    );
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  return { messages, images, imageBytes };
}

export type PhotoScroll = {
  frames: number[];
  seen: number;
  ms: number;
  stalledMs: number;
  longTasks: number[];
  /** Photos decoded and drawn by the end of the scroll, and how many had a box on screen. */
  photosDrawn: number;
  photoBoxes: number;
  /** Where the long animation frames' time went (PerformanceObserver 'long-animation-frame'). */
  longFrames: string;
};

/** Opens the thread and scrolls it up, 100 px a frame, until `target` messages have been on screen. */
export async function scrollPhotoThread({
  context,
  conversationId,
  target,
}: {
  context: BrowserContext;
  conversationId: string;
  target: number;
}): Promise<PhotoScroll> {
  const page = await context.newPage();
  await page.goto(`/inbox/${conversationId}`);
  await waitForMark(page, "firstMessage");
  await page.waitForLoadState("networkidle");
  const options = {
    selector: '[data-testid="message-list"]',
    item: '[data-testid="message"]',
    idAttribute: "data-message-id",
    step: -100,
    target,
    timeoutMs: 300_000,
  };
  const scrollStart = (await page.evaluate("performance.now()")) as number;
  const result = (await page.evaluate(`window.__bench.scroll(${JSON.stringify(options)})`)) as Omit<
    PhotoScroll,
    "photosDrawn" | "photoBoxes" | "longFrames"
  >;
  const longFrames = summarizeLongFrames(
    (await page.evaluate(`window.__bench.frames.filter((frame) => frame.start >= ${scrollStart})`)) as LongFrame[],
  );
  const photos = (await page.evaluate(`(() => {
    const images = [...document.querySelectorAll('[data-testid="message-list"] img[src^="/api/media/"]')];
    return { drawn: images.filter((image) => image.complete && image.naturalWidth > 0).length, boxes: images.length };
  })()`)) as { drawn: number; boxes: number };
  await page.close();
  return { ...result, photosDrawn: photos.drawn, photoBoxes: photos.boxes, longFrames };
}

type LongFrame = {
  ms: number;
  scriptMs: number;
  layoutMs: number;
  renderMs: number;
  scripts: { invoker: string; ms: number }[];
};

/** The long animation frames (> 50 ms) of the scroll: how many, where their time went, and the scripts that took most. */
function summarizeLongFrames(frames: LongFrame[]): string {
  const sum = (values: number[]) => Math.round(values.reduce((total, value) => total + value, 0));
  const byInvoker = new Map<string, number>();
  for (const script of frames.flatMap((frame) => frame.scripts)) {
    byInvoker.set(script.invoker, (byInvoker.get(script.invoker) ?? 0) + script.ms);
  }
  const top = [...byInvoker]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([invoker, ms]) => `${invoker} ${Math.round(ms)} ms`)
    .join("; ");
  return (
    `${frames.length} long animation frames, ${sum(frames.map((frame) => frame.ms))} ms: scripts ${sum(frames.map((frame) => frame.scriptMs))} ms, ` +
    `style + layout ${sum(frames.map((frame) => frame.layoutMs))} ms, rendering (incl. style + layout) ${sum(frames.map((frame) => frame.renderMs))} ms` +
    (top ? ` · top scripts: ${top}` : "")
  );
}
