import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GraphSandbox } from "./graph-api";
import { authorized, invalidParameter, sendError } from "./graph-errors";

// ── Media (business-phone-numbers/media) ──────────────────────────────────────────────────────────
// `GET /{version}/{media-id}` answers `{messaging_product, url, mime_type, sha256, file_size, id}`;
// the url is on another path (Meta's lookaside host), needs the same Bearer token (401 without a
// valid one) and, like Meta's, stops working: `expiredDownloads` makes the next N downloads 404.

export type SandboxMedia = {
  bytes: Buffer;
  mimeType: string;
  /** What GET /{media-id} reports; the bytes' real sha256 (hex) when absent. */
  sha256?: string;
  /** The next this-many downloads answer 404, as an expired URL does. */
  expiredDownloads?: number;
};

const DOWNLOAD_PATH = "/whatsapp_business/attachments/";

export function answerMedia({
  sandbox,
  url,
  authorization,
  response,
}: {
  sandbox: GraphSandbox;
  url: string;
  authorization: string | null;
  response: ServerResponse;
}): boolean {
  const parsed = new URL(url, "http://sandbox");
  if (parsed.pathname === DOWNLOAD_PATH) {
    const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
    const media = sandbox.media.get(parsed.searchParams.get("mid") ?? "");
    if (!token || sandbox.tokens.get(token) !== "valid") {
      response.writeHead(401, { "content-type": "text/plain" });
      response.end("Unauthorized");
    } else if (!media) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("Not Found");
    } else if ((media.expiredDownloads ?? 0) > 0) {
      media.expiredDownloads! -= 1;
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("URL signature expired");
    } else {
      response.writeHead(200, { "content-type": media.mimeType, "content-length": String(media.bytes.length) });
      response.end(media.bytes);
    }
    return true;
  }
  const id = /^\/v\d+\.\d+\/([^/]+)$/.exec(parsed.pathname)?.[1];
  const media = id === undefined ? undefined : sandbox.media.get(decodeURIComponent(id));
  if (!media) return false; // not a media id: phone numbers, or Meta's "does not exist" error
  if (!authorized(sandbox.tokens, authorization, response)) return true;
  const mediaId = decodeURIComponent(id!);
  response.writeHead(200, { "content-type": "application/json; charset=UTF-8" });
  response.end(
    JSON.stringify({
      messaging_product: "whatsapp",
      url: `${sandbox.url}${DOWNLOAD_PATH}?mid=${encodeURIComponent(mediaId)}&ext=${Date.now()}&hash=${randomBytes(8).toString("base64url")}`,
      mime_type: media.mimeType,
      sha256: media.sha256 ?? createHash("sha256").update(media.bytes).digest("hex"),
      file_size: media.bytes.length,
      id: mediaId,
    }),
  );
  return true;
}

// ── Uploads (business-phone-numbers/media#upload-media) ───────────────────────────────────────────
// `POST /{version}/{phone-number-id}/media`, multipart/form-data with `file`, `type` and
// `messaging_product=whatsapp` (Bearer required) → `{"id": "<media id>"}`; the file's type must be
// one Meta accepts (its (#100) error otherwise). Messages may then name the id:
// `{"type":"document","document":{"id","filename","caption"}}` — an id Meta never issued is refused.

export type SandboxUpload = {
  id: string;
  phoneNumberId: string;
  /** The `type` form field. */
  type: string;
  messagingProduct: string | null;
  /** The file part's own name and type, and its bytes. */
  filename: string;
  fileType: string;
  bytes: Buffer;
  at: number;
};

export const UPLOAD_PATH = /^\/(v\d+\.\d+)\/([^/]+)\/media$/;
export const MEDIA_SEND_TYPES = new Set(["image", "video", "audio", "document", "sticker"]);
const UPLOAD_TYPES = [
  "audio/aac",
  "audio/mp4",
  "audio/mpeg",
  "audio/amr",
  "audio/ogg",
  "audio/opus",
  "application/vnd.ms-powerpoint",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/pdf",
  "text/plain",
  "application/vnd.ms-excel",
  "image/jpeg",
  "image/png",
  "image/webp",
  "video/mp4",
  "video/3gpp",
];

export function receiveUpload({
  sandbox,
  request,
  path,
  authorization,
  at,
  response,
}: {
  sandbox: GraphSandbox;
  request: IncomingMessage;
  path: string;
  authorization: string | null;
  at: number;
  response: ServerResponse;
}): void {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    sandbox.requests.push({ method: "POST", path, authorization, body: null, at });
    void answerUpload({ sandbox, request, raw: Buffer.concat(chunks), path, authorization, at, response });
  });
}

async function answerUpload({
  sandbox,
  request,
  raw,
  path,
  authorization,
  at,
  response,
}: {
  sandbox: GraphSandbox;
  request: IncomingMessage;
  raw: Buffer;
  path: string;
  authorization: string | null;
  at: number;
  response: ServerResponse;
}): Promise<void> {
  if (!authorized(sandbox.tokens, authorization, response)) return;
  const phoneNumberId = decodeURIComponent(UPLOAD_PATH.exec(path)![2]!);
  let form: FormData;
  try {
    form = await new Request("http://sandbox/upload", {
      method: "POST",
      headers: { "content-type": request.headers["content-type"] ?? "" },
      body: new Uint8Array(raw),
    }).formData();
  } catch {
    const error = invalidParameter("The request must be multipart/form-data.").error;
    return sendError(response, 400, error);
  }
  const product = form.get("messaging_product");
  if (product !== "whatsapp") {
    return sendError(response, 400, {
      message: "(#100) The parameter messaging_product is required.",
      type: "OAuthException",
      code: 100,
    });
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) {
    return sendError(response, 400, {
      message: "(#100) The parameter file is required.",
      type: "OAuthException",
      code: 100,
    });
  }
  const type = form.get("type");
  const fileType = file.type.split(";")[0]!.trim().toLowerCase();
  if (typeof type !== "string" || !UPLOAD_TYPES.includes(fileType)) {
    return sendError(response, 400, {
      message: `(#100) Param file must be a file with one of the following types: ${UPLOAD_TYPES.join(", ")}. Received file of type '${fileType || "application/octet-stream"}'.`,
      type: "OAuthException",
      code: 100,
    });
  }
  // Numeric like Meta's, unique per upload (the count), not guessable from it.
  const id = String(
    1_000_000_000_000_000n + BigInt(sandbox.uploads.length) * 100_000n + BigInt(randomBytes(2).readUInt16BE()),
  );
  const bytes = Buffer.from(await file.arrayBuffer());
  sandbox.uploads.push({
    id,
    phoneNumberId,
    type,
    messagingProduct: product,
    filename: file instanceof File ? file.name : "",
    fileType,
    bytes,
    at,
  });
  // An uploaded id can be fetched like a received one (GET /{media-id}).
  sandbox.media.set(id, { bytes, mimeType: fileType });
  response.writeHead(200, { "content-type": "application/json; charset=UTF-8" });
  response.end(JSON.stringify({ id }));
}

/** A media message names an uploaded id (a `link` would work too, but this app never sends one). */
export function validateMediaSend(
  send: Record<string, unknown>,
  sandbox: GraphSandbox,
): ReturnType<typeof invalidParameter> | null {
  const type = String(send.type);
  const media = send[type] as { id?: unknown; link?: unknown } | undefined;
  if (typeof media !== "object" || media === null) return invalidParameter(`${type} is required.`);
  if (typeof media.id !== "string" && typeof media.link !== "string") {
    return invalidParameter(`${type}.id or ${type}.link is required.`);
  }
  if (typeof media.id === "string" && !sandbox.media.has(media.id)) {
    return {
      status: 400,
      error: {
        message: "(#131053) Media upload error",
        type: "OAuthException",
        code: 131053,
        details: `Media id ${media.id} was not found: upload the file first (POST /{phone-number-id}/media).`,
      },
    };
  }
  return null;
}
