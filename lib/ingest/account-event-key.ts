import { createHash } from "node:crypto";
import type { ParsedChange } from "@/lib/whatsapp/parse-webhook";

type OtherChange = Pick<Extract<ParsedChange, { kind: "other" }>, "field" | "wabaId" | "value" | "bigIntegers">;

/** Same content ⇒ same key, however Meta re-serialised it on a retry. */
export function accountEventKey(change: OtherChange): string {
  return keyOf(change, () => null);
}

/**
 * The key this change had when its big integers were still parsed into (rounded) doubles, or null
 * when it has none: a stored event of that time is then found and corrected instead of doubled.
 */
export function legacyAccountEventKey(change: OtherChange): string | null {
  if (!change.bigIntegers || change.bigIntegers.length === 0) return null;
  const big = new Set(change.bigIntegers);
  return keyOf(change, (text) => (big.has(text) ? JSON.stringify(Number(text)) : null));
}

function keyOf(change: OtherChange, renderString: (text: string) => string | null): string {
  const canonical = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
    if (value !== null && typeof value === "object") {
      const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
    }
    if (typeof value === "string") return renderString(value) ?? JSON.stringify(value);
    return JSON.stringify(value);
  };
  return createHash("sha256")
    .update(`${change.field}\n${change.wabaId ?? ""}\n${canonical(change.value)}`)
    .digest("hex");
}
