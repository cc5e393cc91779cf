// Meta sends some ids as JSON numbers that exceed 2^53 (message_template_id): JSON.parse would
// round them (…8123 → …8000) before they reach the database. Integers past Number.MAX_SAFE_INTEGER
// are quoted before parsing, so they arrive as strings with every digit.

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
// No run of 16 digits, no integer that can exceed 2^53 - 1 (16 digits): the common case skips the scan.
const LONG_DIGIT_RUN = /\d{16}/;

/** JSON.parse, except integers beyond ±(2^53 - 1) become strings of their exact digits. Throws like JSON.parse. */
export function parseJsonLosslessly(text: string): { value: unknown; bigIntegers: Set<string> } {
  const bigIntegers = new Set<string>();
  if (!LONG_DIGIT_RUN.test(text)) return { value: JSON.parse(text), bigIntegers };
  const quoted = quoteBigIntegers(text, bigIntegers);
  return { value: JSON.parse(quoted), bigIntegers };
}

function quoteBigIntegers(text: string, found: Set<string>): string {
  const parts: string[] = [];
  let copiedUpTo = 0;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const char = text.charCodeAt(index);
    if (char === 0x22 /* " */) {
      // Skip the string, escapes included; an unterminated one is JSON.parse's error to report.
      index += 1;
      while (index < length) {
        const inner = text.charCodeAt(index);
        if (inner === 0x5c /* \ */) index += 2;
        else if (inner === 0x22) break;
        else index += 1;
      }
      index += 1;
      continue;
    }
    if (char === 0x2d /* - */ || (char >= 0x30 && char <= 0x39)) {
      let end = index + 1;
      while (end < length && isNumberChar(text.charCodeAt(end))) end += 1;
      const token = text.slice(index, end);
      if (/^-?[1-9]\d{15,}$/.test(token) && absBigInt(token) > MAX_SAFE) {
        parts.push(text.slice(copiedUpTo, index), `"${token}"`);
        copiedUpTo = end;
        found.add(token);
      }
      index = end;
      continue;
    }
    index += 1;
  }
  if (copiedUpTo === 0) return text;
  parts.push(text.slice(copiedUpTo));
  return parts.join("");
}

function isNumberChar(code: number): boolean {
  // digits . + - e E
  return (
    (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2b || code === 0x2d || code === 0x65 || code === 0x45
  );
}

function absBigInt(token: string): bigint {
  return BigInt(token.startsWith("-") ? token.slice(1) : token);
}
