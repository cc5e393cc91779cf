// What an agent may attach, by Meta's rules for uploaded media (cloud-api/reference/media): the
// types Meta accepts and each type's size limit. Pure: the browser checks before uploading and the
// server checks again before reading the body.

export type OutboundMediaType = "image" | "video" | "audio" | "document" | "sticker";

const MB = 1024 * 1024;

/** The message type each accepted MIME type is sent as, and Meta's limit for it in bytes. */
export const OUTBOUND_MEDIA_RULES: Record<string, { type: OutboundMediaType; maxBytes: number; label: string }> = {
  "image/jpeg": { type: "image", maxBytes: 5 * MB, label: "JPEG image" },
  "image/png": { type: "image", maxBytes: 5 * MB, label: "PNG image" },
  // WebP goes as a sticker: 100 KB static, 500 KB animated (which one it is, Meta decides).
  "image/webp": { type: "sticker", maxBytes: 500 * 1024, label: "WebP sticker" },
  "video/mp4": { type: "video", maxBytes: 16 * MB, label: "MP4 video" },
  "video/3gpp": { type: "video", maxBytes: 16 * MB, label: "3GP video" },
  "audio/aac": { type: "audio", maxBytes: 16 * MB, label: "AAC audio" },
  "audio/amr": { type: "audio", maxBytes: 16 * MB, label: "AMR audio" },
  "audio/mpeg": { type: "audio", maxBytes: 16 * MB, label: "MP3 audio" },
  "audio/mp4": { type: "audio", maxBytes: 16 * MB, label: "MP4 audio" },
  "audio/ogg": { type: "audio", maxBytes: 16 * MB, label: "OGG (Opus) audio" },
  "application/pdf": { type: "document", maxBytes: 100 * MB, label: "PDF" },
  "text/plain": { type: "document", maxBytes: 100 * MB, label: "text file" },
  "application/msword": { type: "document", maxBytes: 100 * MB, label: "Word document" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    type: "document",
    maxBytes: 100 * MB,
    label: "Word document",
  },
  "application/vnd.ms-excel": { type: "document", maxBytes: 100 * MB, label: "Excel workbook" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    type: "document",
    maxBytes: 100 * MB,
    label: "Excel workbook",
  },
  "application/vnd.ms-powerpoint": { type: "document", maxBytes: 100 * MB, label: "PowerPoint presentation" },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    type: "document",
    maxBytes: 100 * MB,
    label: "PowerPoint presentation",
  },
};

/** The largest file any type allows: the server refuses a longer body before reading it. */
export const MAX_OUTBOUND_MEDIA_BYTES = Math.max(...Object.values(OUTBOUND_MEDIA_RULES).map((rule) => rule.maxBytes));

/** Meta's limit for a media caption, in characters. */
export const MAX_CAPTION_LENGTH = 1_024;

/** What an `accept` attribute lists. */
export const OUTBOUND_MEDIA_ACCEPT = Object.keys(OUTBOUND_MEDIA_RULES).join(",");

/** Audio and stickers have no caption on WhatsApp. */
export function takesCaption(type: OutboundMediaType): boolean {
  return type === "image" || type === "video" || type === "document";
}

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const bytes = (count: number) => `${count.toLocaleString("en-US")} bytes`;

export type OutboundMediaCheck =
  | { ok: true; type: OutboundMediaType; mimeType: string; maxBytes: number }
  | { ok: false; status: 413 | 415 | 422; message: string };

/** Whether a file of this MIME type and size may be sent, and as what; the refusal says exactly why. */
export function checkOutboundMedia({ mimeType, size }: { mimeType: string; size: number }): OutboundMediaCheck {
  const essence = mimeType.split(";")[0]!.trim().toLowerCase();
  const rule = OUTBOUND_MEDIA_RULES[essence];
  if (!rule) {
    return {
      ok: false,
      status: 415,
      message: `WhatsApp cannot send ${essence ? `files of type ${essence}` : "files of an unknown type"}. Send a JPEG or PNG image, an MP4 or 3GP video, AAC/AMR/MP3/MP4/OGG audio, a WebP sticker, or a PDF, Office or text document.`,
    };
  }
  if (size > rule.maxBytes) {
    return {
      ok: false,
      status: 413,
      message: `This ${rule.label} is ${formatBytes(size)} (${bytes(size)}); WhatsApp accepts at most ${formatBytes(rule.maxBytes)} (${bytes(rule.maxBytes)}) for a ${rule.label}.`,
    };
  }
  if (size === 0) return { ok: false, status: 422, message: "The file is empty." };
  return { ok: true, type: rule.type, mimeType: essence, maxBytes: rule.maxBytes };
}
