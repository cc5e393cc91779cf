/**
 * JSON as Meta puts it on the wire: an escaped-unicode rendering (`\u00e9`, emoji as surrogate
 * pairs, `\/`), which is what its X-Hub-Signature-256 signs. A receiver that re-serialises the
 * parsed body instead of hashing these bytes fails on every non-ASCII message.
 */
export function stringifyLikeMeta(value: unknown): string {
  return escapeLikeMeta(JSON.stringify(value));
}

/** The escaping alone, for JSON text (or a fragment of it) already serialised. */
export function escapeLikeMeta(json: string): string {
  return json
    .replaceAll("/", "\\/")
    .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
