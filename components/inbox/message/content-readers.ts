import { getField, getString, isRecord } from "@/lib/whatsapp/json";

// `content` is whatever Meta sent (or whatever a bug stored): every read is checked, and a wrong
// shape reads as "absent" instead of throwing while rendering.

export { isRecord };

/** A non-empty string (numbers count: Meta sometimes sends ids as numbers); null otherwise. */
export function readString(value: unknown, ...path: string[]): string | null {
  return getString(readPath(value, path));
}

export function readNumber(value: unknown, ...path: string[]): number | null {
  const raw = readPath(value, path);
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw === "string" && /^-?\d+(\.\d+)?$/.test(raw.trim())) return Number(raw.trim());
  return null;
}

export function readArray(value: unknown, ...path: string[]): unknown[] {
  const raw = readPath(value, path);
  return Array.isArray(raw) ? raw : [];
}

/** The raw value at a path of object keys; undefined as soon as a step is not an object. */
export function readValue(value: unknown, ...path: string[]): unknown {
  return readPath(value, path);
}

function readPath(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) current = getField(current, key);
  return current;
}

/** "1.2 MB" from a byte count; null when it is not a plausible size. */
export function formatBytes(bytes: number | null): string | null {
  if (bytes === null || bytes < 0) return null;
  const units = ["bytes", "KB", "MB", "GB"];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(size)} ${units[0]}` : `${size.toFixed(size < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Meta's first error: { code, title, message, error_data.details }. */
export type MetaErrorView = { code: number | null; title: string | null; details: string | null };

export function readMetaErrors(...sources: unknown[]): MetaErrorView[] {
  for (const source of sources) {
    const errors = Array.isArray(source) ? source : isRecord(source) ? [source] : [];
    const views = errors
      .map((error) => ({
        code: readNumber(error, "code"),
        title: readString(error, "title") ?? readString(error, "message"),
        details: readString(error, "error_data", "details"),
      }))
      .filter((view) => view.code !== null || view.title !== null || view.details !== null);
    if (views.length > 0) return views;
  }
  return [];
}
