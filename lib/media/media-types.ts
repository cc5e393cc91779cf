// What a stored media file is and how it may be served. Pure: no server imports.

/** A sha256 as Meta writes it (hex, or base64 in some webhooks) → lower-case hex; null when it is neither. */
export function normaliseSha256(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return trimmed.toLowerCase();
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (bytes.length === 32) return bytes.toString("hex");
  }
  return null;
}

/** A MIME type we are willing to repeat in Content-Type (`type/subtype`, parameters dropped). */
export function storedContentType(value: string | null | undefined): string {
  const essence = (value ?? "").split(";")[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(essence)
    ? essence
    : "application/octet-stream";
}

// What browsers display by themselves without running anything: raster images, audio and video
// that WhatsApp sends. SVG (scriptable), HTML, PDF and everything else is a download.
const INLINE_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/avif",
  "audio/aac",
  "audio/mp4",
  "audio/mpeg",
  "audio/amr",
  "audio/ogg",
  "audio/opus",
  "audio/wav",
  "audio/webm",
  "video/mp4",
  "video/3gpp",
  "video/webm",
  "video/quicktime",
]);

export function isInlineSafe(contentType: string): boolean {
  return INLINE_TYPES.has(contentType);
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "audio/aac": "aac",
  "audio/mp4": "m4a",
  "audio/mpeg": "mp3",
  "audio/amr": "amr",
  "audio/ogg": "ogg",
  "video/mp4": "mp4",
  "video/3gpp": "3gp",
  "application/pdf": "pdf",
  "text/plain": "txt",
};

/** The name a download gets: the document's own name, else `<type>-<id>.<ext>`. */
export function downloadFileName({
  filename,
  type,
  id,
  contentType,
}: {
  filename: string | null;
  type: string;
  id: string;
  contentType: string;
}): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = filename?.replace(/[\u0000-\u001f\u007f/\\]/g, "_").trim();
  if (cleaned) return cleaned.slice(0, 200);
  const extension = EXTENSIONS[contentType];
  return `${type}-${id}${extension ? `.${extension}` : ""}`;
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 8187). */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** One `bytes=` range of a file of `size` bytes: the inclusive span, "unsatisfiable", or null to send it all. */
export function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges, other units or nonsense: serving the whole file is a correct answer (RFC 9110).
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}
