import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { getMediaStorage } from "@/lib/media/storage";
import { checkOutboundMedia, type OutboundMediaType } from "@/lib/views/outbound-media";

/**
 * Checks an agent's file from its declared type and size (415/413/422 before a byte is read), the
 * rules WhatsApp applies to uploads (lib/views/outbound-media.ts).
 */
export function checkedUpload({ contentType, contentLength }: { contentType: string; contentLength: number }): {
  type: OutboundMediaType;
  mimeType: string;
  maxBytes: number;
} {
  const check = checkOutboundMedia({ mimeType: contentType, size: contentLength });
  if (check.ok) return check;
  const code =
    check.status === 413 ? "payload_too_large" : check.status === 415 ? "unsupported_media_type" : "validation_failed";
  throw new AppError(code, { message: check.message });
}

/** The body streamed to a temporary file beside the store and hashed on the way, then moved in by its sha256. */
export async function storeUpload({
  body,
  expectedBytes,
  maxBytes,
}: {
  body: ReadableStream<Uint8Array> | null;
  expectedBytes: number;
  maxBytes: number;
}): Promise<{ sha256: string; size: number }> {
  const directory = resolve(getEnv().DATA_DIR, "media", ".uploads");
  await mkdir(directory, { recursive: true });
  const path = join(directory, `${randomBytes(12).toString("hex")}.partial`);
  const hash = createHash("sha256");
  const file = createWriteStream(path);
  let size = 0;
  try {
    if (body) {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes || size > expectedBytes) {
          await reader.cancel();
          throw new AppError("payload_too_large", {
            message: `upload longer than its Content-Length (${expectedBytes} bytes) or the limit (${maxBytes} bytes)`,
            userMessage: `The file is larger than it said (${expectedBytes} bytes) or than WhatsApp allows.`,
          });
        }
        hash.update(value);
        if (!file.write(value)) await new Promise<void>((done) => file.once("drain", done));
      }
    }
    await new Promise<void>((done, fail) => file.end((error?: Error | null) => (error ? fail(error) : done())));
    if (size !== expectedBytes) {
      throw new AppError("bad_request", {
        message: `upload ended after ${size} of ${expectedBytes} bytes`,
        userMessage: `The upload ended early (${size} of ${expectedBytes} bytes). Try again.`,
      });
    }
    const sha256 = hash.digest("hex");
    await getMediaStorage().putFile({ sha256, path });
    return { sha256, size };
  } catch (error) {
    file.destroy();
    await rm(path, { force: true });
    throw error;
  }
}
