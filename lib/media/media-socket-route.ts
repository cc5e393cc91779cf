// GET /api/media/<id> — a message's stored media file, answered at the socket (the request guard's
// socket routes), not by a Next route handler. A photo is the inbox's most frequent request (a
// thread of photos asks for dozens at once) and its own work is small: one session check, one
// indexed row, a stat and the bytes. A route handler can only give Next a Web stream, whose chunks
// the app never learns are flushed; here the disk store writes the file in pooled chunks it takes
// back once flushed (send-file.ts), so serving allocates nothing — through Next, each megabyte served
// was a megabyte of new buffers, and in next-server's large heap that set off a full garbage
// collection (17–44 ms for every request in flight) about every 25 photos (README → Media speed).
// The rules are withRoute's, shared with it: the same session rule on every request (liveSessionOf,
// as getUserFromHeaders reads it), the same id schema, the same error shape and logging
// (errorAnswer). Here the session is read in the same query as the file's row
// (get-servable-media.ts): one round trip for a photo.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/http/app-error";
import type { SocketRoute } from "@/lib/http/request-guard";
import { idParamsSchema } from "@/lib/http/text";
import { errorAnswer, serverTiming, SIGN_IN_MESSAGE } from "@/lib/http/with-route";
import { getServableMedia } from "./get-servable-media";
import { serveMedia } from "./serve-media";

const MEDIA_PATH_PREFIX = "/api/media/";
/** `/api/media/<one segment>` with an optional query; `/api/media/<id>/retry` and the rest go to Next. */
const MEDIA_PATH = /^\/api\/media\/([^/?]+)(?:\?.*)?$/;
/** Next's own routes beside app/api/media/[id] (a unit test keeps this in step with app/api/media). */
export const NEXT_MEDIA_ROUTES = new Set(["uploads"]);

/**
 * The message id, decoded, when `url` names one message's file (`/api/media/<id>`, not a sibling
 * route of Next's); else null. The guard matches with it and the answer reads the id from it.
 */
function mediaFileSegment(url: string): string | null {
  if (!url.startsWith(MEDIA_PATH_PREFIX)) return null;
  const segment = MEDIA_PATH.exec(url)?.[1];
  if (segment === undefined) return null;
  const id = decoded(segment);
  return NEXT_MEDIA_ROUTES.has(id) ? null : id;
}

export const isMediaFileUrl = (url: string): boolean => mediaFileSegment(url) !== null;

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // answered by the guard before any route: 422
  }
}

export const mediaSocketRoute: SocketRoute = {
  matches: isMediaFileUrl,
  // answerMedia answers every error itself; this is the last guard against a crashed process.
  answer: (request, response) =>
    void answerMedia(request, response).catch((error: unknown) => {
      console.error(`[api] ${request.method} ${pathOf(request.url ?? "")} failed`, error);
      response.destroy();
    }),
};

async function answerMedia(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const startedAt = performance.now();
  const url = request.url ?? "";
  try {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("allow", "GET, HEAD");
      throw new AppError("method_not_allowed", { message: `${request.method} is not allowed here; use GET.` });
    }
    const { id } = idParamsSchema.parse({ id: mediaFileSegment(url) ?? "" });
    const found = await getServableMedia({ cookie: request.headers.cookie, messageId: id });
    if (!found.signedIn) throw new AppError("unauthenticated", { message: SIGN_IN_MESSAGE });
    const answer = serveMedia({
      messageId: id,
      media: found.media,
      range: request.headers.range,
      ifNoneMatch: request.headers["if-none-match"],
    });
    response.writeHead(answer.status, { ...answer.headers, "server-timing": serverTiming(startedAt) });
    if (!answer.sendBody || request.method === "HEAD") {
      response.end();
      return;
    }
    await answer.sendBody(response);
  } catch (error) {
    if (response.headersSent) {
      // The store failed mid-file, or the browser went away (a scrolled-past photo): the socket is
      // closed so the client sees a cut answer, never a short file taken for a whole one.
      if (!isClientGone(error)) console.error(`[api] ${request.method} ${pathOf(url)} failed mid-answer`, error);
      response.destroy();
      return;
    }
    const { status, body } = errorAnswer(error, `${request.method} ${pathOf(url)}`);
    const json = JSON.stringify(body);
    response.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(json),
      "server-timing": serverTiming(startedAt),
    });
    response.end(request.method === "HEAD" ? undefined : json);
  }
}

const pathOf = (url: string) => url.split("?", 1)[0];

function isClientGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ERR_STREAM_PREMATURE_CLOSE" || code === "ECONNRESET" || code === "EPIPE";
}
