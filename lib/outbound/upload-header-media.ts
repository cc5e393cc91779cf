import "server-only";
import { AppError } from "@/lib/http/app-error";
import type { TemplateHeaderMedia } from "@/lib/views/template";
import type { MediaUploadHeaders } from "./schemas";
import { checkedUpload, storeUpload } from "./store-upload";

/**
 * A file for a template's media header, put in our store before the template is sent (the send
 * names it by sha256; the worker uploads it to Meta when the send leaves). Checked like an
 * attachment before a byte is read; only what a template header can show is accepted.
 */
export async function uploadHeaderMedia({
  headers,
  body,
}: {
  headers: MediaUploadHeaders;
  body: ReadableStream<Uint8Array> | null;
}): Promise<TemplateHeaderMedia & { size: number; type: "image" | "video" | "document" }> {
  const check = checkedUpload(headers);
  if (check.type !== "image" && check.type !== "video" && check.type !== "document") {
    throw new AppError("unsupported_media_type", {
      message: `A template header shows an image (JPEG, PNG), a video (MP4, 3GP) or a document, not ${check.type === "audio" ? "audio" : "a sticker"}.`,
    });
  }
  const stored = await storeUpload({ body, expectedBytes: headers.contentLength, maxBytes: check.maxBytes });
  return {
    sha256: stored.sha256,
    mimeType: check.mimeType,
    filename: headers.fileName ?? `${check.type}.${stored.sha256.slice(0, 8)}`,
    size: stored.size,
    type: check.type,
  };
}
