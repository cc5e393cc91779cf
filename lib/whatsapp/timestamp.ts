import { cleanString } from "./json";

export type TimestampIssue = "missing" | "invalid" | "zero" | "milliseconds" | "future";
export type MetaTimestamp = {
  date: Date;
  issue: TimestampIssue | null;
  raw: string | null;
};

const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;
const MILLISECONDS_THRESHOLD = 1e12; // 1e12 seconds is year 33658; as milliseconds it is 2001
const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Meta's timestamp is the moment the event happened (unix seconds, as a string) and is what the
 * inbox orders by, because webhooks arrive late and out of order. A value we cannot trust falls
 * back to the time we received it, and the issue says why so it can be shown or audited.
 */
export function normalizeMetaTimestamp(raw: unknown, receivedAt: Date): MetaTimestamp {
  const rawText = describeRaw(raw);
  const fallback = (issue: TimestampIssue): MetaTimestamp => ({
    date: new Date(receivedAt.getTime()),
    issue,
    raw: rawText,
  });

  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) return fallback("missing");

  const numeric = toNumber(raw);
  if (numeric === null || numeric < 0) return fallback("invalid");
  if (numeric === 0) return fallback("zero");

  const limit = receivedAt.getTime() + MAX_FUTURE_MS;
  if (numeric >= MILLISECONDS_THRESHOLD) {
    const date = new Date(Math.trunc(numeric));
    // A millisecond value that still lands far in the future was never a real time.
    if (Number.isNaN(date.getTime()) || date.getTime() > limit) return fallback("invalid");
    return { date, issue: "milliseconds", raw: rawText };
  }

  const date = new Date(Math.trunc(numeric * 1000));
  if (date.getTime() > limit) return fallback("future");
  return { date, issue: null, raw: rawText };
}

function toNumber(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== "string") return null;
  const trimmed = raw.trim();
  if (trimmed.startsWith("-") && DECIMAL.test(trimmed.slice(1))) return -1;
  // Number() alone would accept "0x1f", "1e9" and "Infinity"; Meta only ever sends plain digits.
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function describeRaw(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "string") return cleanString(raw);
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  try {
    const text = JSON.stringify(raw);
    return text === undefined ? null : cleanString(text);
  } catch {
    return null;
  }
}
