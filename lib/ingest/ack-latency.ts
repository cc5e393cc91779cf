import "server-only";
import type { AckLatencySummary } from "@/lib/views/health";

// Bucket upper bounds in ms: fine enough to read p50/p99 against Meta's standard (median ≤ 250 ms,
// under 1 % over 1 s) at a fixed cost per request — no per-request sample is kept.
const BOUNDS_MS = [1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 2000, 5000, Number.POSITIVE_INFINITY];
const MINUTES = 60;

type Minute = { minute: number; counts: number[] };
// On globalThis: Next gives pages and route handlers their own copies of a module, and the health
// page must read what the webhook route recorded.
const globalForLatency = globalThis as unknown as { __inboxAckLatency?: Minute[] };
const minutes: Minute[] = (globalForLatency.__inboxAckLatency ??= []);

/** Records how long one acknowledged webhook took inside this server process. */
export function recordAckLatency(ms: number, now = Date.now()): void {
  const minute = Math.floor(now / 60_000);
  let current = minutes.at(-1);
  if (!current || current.minute !== minute) {
    current = { minute, counts: BOUNDS_MS.map(() => 0) };
    minutes.push(current);
    while (minutes.length > 0 && minutes[0]!.minute <= minute - MINUTES) minutes.shift();
  }
  const bucket = BOUNDS_MS.findIndex((bound) => ms <= bound);
  current.counts[bucket] = (current.counts[bucket] ?? 0) + 1;
}

/** p50/p99 over the last hour in this process (each server process keeps its own figures). */
export function summarizeAckLatency(now = Date.now()): AckLatencySummary {
  const since = Math.floor(now / 60_000) - MINUTES;
  const totals = BOUNDS_MS.map(() => 0);
  for (const entry of minutes) {
    if (entry.minute <= since) continue;
    entry.counts.forEach((count, index) => (totals[index] = (totals[index] ?? 0) + count));
  }
  const count = totals.reduce((sum, value) => sum + value, 0);
  const percentile = (p: number) => {
    if (count === 0) return null;
    let seen = 0;
    for (let index = 0; index < totals.length; index += 1) {
      seen += totals[index]!;
      if (seen >= p * count) return BOUNDS_MS[index]!;
    }
    return null;
  };
  const overOneSecond = totals.slice(BOUNDS_MS.indexOf(1000) + 1).reduce((sum, value) => sum + value, 0);
  const p50Ms = percentile(0.5);
  const overOneSecondRatio = count === 0 ? 0 : overOneSecond / count;
  return {
    count,
    p50Ms,
    p99Ms: percentile(0.99),
    overOneSecondRatio,
    meetsMetaStandard: count === 0 || ((p50Ms ?? 0) <= 250 && overOneSecondRatio < 0.01),
  };
}
