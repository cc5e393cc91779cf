// The storable-text rule without zod: the browser checks values with it too (contact attributes in
// the thread's side panel), and importing it from text.ts would put all of zod in the thread's chunk.
// Postgres text cannot hold NUL, and a lone UTF-16 surrogate cannot be encoded as UTF-8.

// C0 controls other than tab, newline and carriage return, DEL, and (in a `u` regex, where a pair
// is one code point) a lone surrogate: never part of a name or an id.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\p{Cs}]/u;

/** True for text Postgres and UTF-8 can store as is. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}
