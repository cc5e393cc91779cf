import "server-only";
import { Readable } from "node:stream";
import { getDb } from "@/lib/db/client";
import { getStoredMedia } from "@/lib/db/media";
import { AppError } from "@/lib/http/app-error";
import { contentDisposition, downloadFileName, isInlineSafe, parseRange, storedContentType } from "./media-types";
import { getMediaStorage } from "./storage";

const WHOLE_READ_BYTES = 8 * 1024 * 1024;

/**
 * A stored media file as an HTTP answer: its stored type, never sniffed; inline only for images,
 * audio and video a browser shows without running anything (never HTML or SVG); single byte ranges
 * (206/416) so audio and video can seek. 404 for an unknown message or a file not stored yet.
 */
export async function serveMedia({ messageId, range }: { messageId: string; range: string | null }): Promise<Response> {
  const file = await getStoredMedia({ db: getDb(), messageId });
  const storage = getMediaStorage();
  const stat = file ? await storage.stat(file.sha256) : null;
  if (!file || !stat) {
    throw new AppError("not_found", { message: `No stored media for ${messageId}`, userMessage: "Media not found." });
  }
  const contentType = storedContentType(file.mimeType);
  const name = downloadFileName({ filename: file.filename, type: file.type, id: messageId, contentType });
  const headers = new Headers({
    "content-type": contentType,
    "x-content-type-options": "nosniff",
    "content-disposition": contentDisposition(isInlineSafe(contentType) ? "inline" : "attachment", name),
    // A message's file never changes once stored; only the signed-in browser may keep it.
    "cache-control": "private, max-age=86400",
    "accept-ranges": "bytes",
    // Opened on its own, the file gets no script, no plugins, no same-origin rights.
    "content-security-policy":
      "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    etag: `"${file.sha256}"`,
  });
  const span = parseRange(range, stat.size);
  if (span === "unsatisfiable") {
    headers.set("content-range", `bytes */${stat.size}`);
    return new Response(null, { status: 416, headers });
  }
  if (span) {
    headers.set("content-range", `bytes ${span.start}-${span.end}/${stat.size}`);
    headers.set("content-length", String(span.end - span.start + 1));
    return new Response(toWeb(storage.stream(file.sha256, span)), { status: 206, headers });
  }
  headers.set("content-length", String(stat.size));
  // Photos and voice notes are small: one read beats a stream of 64 KB chunks through Web streams.
  if (stat.size <= WHOLE_READ_BYTES) {
    const bytes = await storage.get(file.sha256);
    if (bytes) return new Response(new Uint8Array(bytes), { status: 200, headers });
  }
  return new Response(toWeb(storage.stream(file.sha256)), { status: 200, headers });
}

function toWeb(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}
