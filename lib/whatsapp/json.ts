export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Deeper than any Meta payload by an order of magnitude; past it, consumers' recursive JSON.stringify may blow the stack. */
export const MAX_JSON_DEPTH = 100;
export const TRUNCATED_NESTING = `[nesting deeper than ${MAX_JSON_DEPTH} levels removed]`;

// Postgres text/jsonb reject U+0000 and unpaired surrogates (jsonb refuses "\ud800" escapes),
// so both become U+FFFD: one bad character must not cost us the whole event.
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanString(value: string): string {
  return value.replace(UNSTORABLE, "\uFFFD");
}

/**
 * Makes a freshly JSON.parse'd tree safe to store, in place. Iterative because a hostile body can
 * nest a million arrays deep and JSON.parse accepts that; recursion here would overflow the stack.
 * Returns whether anything had to be cut for depth.
 */
export function sanitizeParsedJson(root: { value: unknown }): boolean {
  let truncated = false;
  const stack: {
    holder: Record<string, unknown>;
    key: string;
    depth: number;
  }[] = [{ holder: root as Record<string, unknown>, key: "value", depth: 0 }];
  while (stack.length > 0) {
    const { holder, key, depth } = stack.pop()!;
    const value = holder[key];
    if (typeof value === "string") {
      const clean = cleanString(value);
      if (clean !== value) setOwn(holder, key, clean);
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) {
      setOwn(holder, key, TRUNCATED_NESTING);
      truncated = true;
      continue;
    }
    const node = value as Record<string, unknown>;
    for (const childKey of Object.keys(node)) {
      const cleanKey = cleanString(childKey);
      if (cleanKey !== childKey) {
        setOwn(node, cleanKey, node[childKey]);
        delete node[childKey];
      }
      stack.push({ holder: node, key: cleanKey, depth: depth + 1 });
    }
  }
  return truncated;
}

// defineProperty, not assignment: a JSON key named "__proto__" must stay a plain own property.
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/** Only for values that came out of JSON.parse (and were sanitized), so they already are JSON. */
export function asJson(value: unknown): JsonValue | null {
  return value === undefined ? null : (value as JsonValue);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function getString(value: unknown): string | null {
  if (typeof value === "string") return value === "" ? null : value;
  // Ids have been seen as numbers in hand-made test payloads; their digits are still the id.
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

export function getField(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}
