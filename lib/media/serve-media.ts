import "server-only";
import type { Writable } from "node:stream";
import { AppError } from "@/lib/http/app-error";
import type { ServableMedia } from "./get-servable-media";
import { contentDisposition, downloadFileName, isInlineSafe, parseRange, storedContentType } from "./media-types";
import { getMediaStorage } from "./storage";

/**
 * A message's file is addressed by its sha256 and never changes once stored, so the browser may
 * keep it without asking again — for no longer than the session that fetched it can live (7 days).
 */
const CACHE_CONTROL = "private, max-age=604800, immutable";

/** What to answer: status, headers and, when there is a body, how to send it from the store. */
export type MediaAnswer = {
  status: 200 | 206 | 304 | 416;
  headers: Record<string, string>;
  sendBody: ((destination: Writable) => Promise<void>) | null;
};

/**
 * A stored media file (found by getServableMedia) as an HTTP answer: its stored type, never
 * sniffed; inline only for images, audio and video a browser shows without running anything (never
 * HTML or SVG); single byte ranges (206/416) so audio and video can seek; 304 when the browser
 * already holds it (If-None-Match). 404 (thrown) for an unknown message or a file not stored yet.
 * The body goes from the store in chunks, with a Content-Length: no copy of the file is held in
 * memory, whatever its size.
 */
export function serveMedia({
  messageId,
  media,
  range,
  ifNoneMatch,
}: {
  messageId: string;
  media: ServableMedia | null;
  range: string | undefined;
  ifNoneMatch: string | undefined;
}): MediaAnswer {
  if (!media) throw notFound(messageId);
  const { file, size } = media;
  const etag = `"${file.sha256}"`;
  if (matchesEtag(ifNoneMatch, etag)) {
    return {
      status: 304,
      headers: { etag, "cache-control": CACHE_CONTROL, "x-content-type-options": "nosniff" },
      sendBody: null,
    };
  }
  const contentType = storedContentType(file.mimeType);
  const name = downloadFileName({ filename: file.filename, type: file.type, id: messageId, contentType });
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-content-type-options": "nosniff",
    "content-disposition": contentDisposition(isInlineSafe(contentType) ? "inline" : "attachment", name),
    "cache-control": CACHE_CONTROL,
    "accept-ranges": "bytes",
    // Opened on its own, the file gets no script, no plugins, no same-origin rights.
    "content-security-policy":
      "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    etag,
  };
  const span = parseRange(range ?? null, size);
  if (span === "unsatisfiable") {
    return { status: 416, headers: { ...headers, "content-range": `bytes */${size}` }, sendBody: null };
  }
  const storage = getMediaStorage();
  if (span) {
    headers["content-range"] = `bytes ${span.start}-${span.end}/${size}`;
    headers["content-length"] = String(span.end - span.start + 1);
    return { status: 206, headers, sendBody: (destination) => storage.sendTo(file.sha256, destination, span) };
  }
  headers["content-length"] = String(size);
  return { status: 200, headers, sendBody: (destination) => storage.sendTo(file.sha256, destination) };
}

/** If-None-Match (RFC 9110 §13.1.2): `*` or a list of tags, compared weakly. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function notFound(messageId: string): AppError {
  return new AppError("not_found", { message: `No stored media for ${messageId}`, userMessage: "Media not found." });
}
