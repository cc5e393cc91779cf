// Keyset cursors of the inbox API: opaque to clients (base64url of JSON), checked on the way back
// in so that a tampered or stale-format cursor is a clear 422, never a SQL error.

/** A position in a list ordered by (at DESC, id DESC). `kind` keeps list and thread cursors apart. */
export type Keyset = { at: Date; id: string };
type CursorKind = "c" | "m";

export function encodeCursor(kind: CursorKind, keyset: Keyset): string {
  return Buffer.from(JSON.stringify([kind, keyset.at.toISOString(), keyset.id])).toString("base64url");
}

/** The keyset of a cursor, or null when it is not one this API issued for that list. */
export function decodeCursor(kind: CursorKind, cursor: string): Keyset | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [storedKind, at, id] = value as unknown[];
  if (storedKind !== kind || typeof at !== "string" || typeof id !== "string") return null;
  if (id.length === 0 || id.length > 100 || id.includes("\u0000")) return null;
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== at) return null;
  return { at: date, id };
}
