// Summaries of repeated measurements: percentiles by nearest rank, printed in milliseconds.

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? null;
}

export const median = (values: number[]) => percentile(values, 50);
export const worst = (values: number[]) => (values.length ? Math.max(...values) : null);

export const ms = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value)
    ? "–"
    : `${value < 10 ? value.toFixed(1) : Math.round(value).toString()} ms`;

/** "p50 12 ms · p95 30 ms · p99 41 ms · max 55 ms (n=200)" */
export function spread(values: number[], points: number[] = [50, 95, 99]): string {
  const parts = points.map((p) => `p${p} ${ms(percentile(values, p))}`);
  return `${parts.join(" · ")} · max ${ms(worst(values))} (n=${values.length})`;
}

/** "median 120 ms · worst 180 ms (5 runs: 118 120 …)" */
export function runs(values: number[]): string {
  const each = values.map((value) => Math.round(value)).join(" ");
  return `median ${ms(median(values))} · worst ${ms(worst(values))} (${values.length} runs: ${each})`;
}
