import "server-only";
import { Readable } from "node:stream";
import { AppError } from "@/lib/http/app-error";
import type { ServableMedia } from "./get-servable-media";
import { contentDisposition, downloadFileName, isInlineSafe, parseRange, storedContentType } from "./media-types";
import { getMediaStorage } from "./storage";

const WHOLE_READ_BYTES = 8 * 1024 * 1024;

/**
 * A message's file is addressed by its sha256 and never changes once stored, so the browser may
 * keep it without asking again — for no longer than the session that fetched it can live (7 days).
 */
const CACHE_CONTROL = "private, max-age=604800, immutable";

/**
 * A stored media file (found by getServableMedia) as an HTTP answer: its stored type, never
 * sniffed; inline only for images, audio and video a browser shows without running anything (never
 * HTML or SVG); single byte ranges (206/416) so audio and video can seek; 304 when the browser
 * already holds it (If-None-Match). 404 for an unknown message or a file not stored yet.
 */
export async function serveMedia({
  messageId,
  media,
  range,
  ifNoneMatch,
}: {
  messageId: string;
  media: ServableMedia | null;
  range: string | null;
  ifNoneMatch: string | null;
}): Promise<Response> {
  if (!media) throw notFound(messageId);
  const { file, size } = media;
  const etag = `"${file.sha256}"`;
  if (matchesEtag(ifNoneMatch, etag)) {
    return new Response(null, {
      status: 304,
      headers: { etag, "cache-control": CACHE_CONTROL, "x-content-type-options": "nosniff" },
    });
  }
  const contentType = storedContentType(file.mimeType);
  const name = downloadFileName({ filename: file.filename, type: file.type, id: messageId, contentType });
  const headers = new Headers({
    "content-type": contentType,
    "x-content-type-options": "nosniff",
    "content-disposition": contentDisposition(isInlineSafe(contentType) ? "inline" : "attachment", name),
    "cache-control": CACHE_CONTROL,
    "accept-ranges": "bytes",
    // Opened on its own, the file gets no script, no plugins, no same-origin rights.
    "content-security-policy":
      "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    etag,
  });
  const storage = getMediaStorage();
  const span = parseRange(range, size);
  if (span === "unsatisfiable") {
    headers.set("content-range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  if (span) {
    headers.set("content-range", `bytes ${span.start}-${span.end}/${size}`);
    headers.set("content-length", String(span.end - span.start + 1));
    return new Response(toWeb(storage.stream(file.sha256, span)), { status: 206, headers });
  }
  headers.set("content-length", String(size));
  if (size > WHOLE_READ_BYTES) return new Response(toWeb(storage.stream(file.sha256)), { status: 200, headers });
  // Photos and voice notes are small: one read beats a stream of 64 KB chunks through Web streams,
  // and the body is a view of the buffer read (no second copy of the megabyte).
  const bytes = await storage.get(file.sha256);
  if (!bytes) throw notFound(messageId);
  // readFile's buffer is its own ArrayBuffer, never a SharedArrayBuffer.
  const view = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  return new Response(view, { status: 200, headers });
}

/** If-None-Match (RFC 9110 §13.1.2): `*` or a list of tags, compared weakly. */
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function notFound(messageId: string): AppError {
  return new AppError("not_found", { message: `No stored media for ${messageId}`, userMessage: "Media not found." });
}

function toWeb(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}
