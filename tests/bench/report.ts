// Turning the measurements into the lines the benchmark prints, including the README-ready summary.
import type { QueueSample } from "./database";
import type { RunResult } from "./load-generator";

export const round = (value: number) => Math.round(value).toString();
export const ms = (value: number | null) =>
  value === null ? "–" : `${value < 10 ? value.toFixed(1) : round(value)} ms`;
export const rate = (result: RunResult) => result.completed / result.durationS;
const seconds = (from: number, to: number) => Math.max(0.001, (to - from) / 1000);

/** `ceiling`: the trivial POST route's run, which an ingest run is compared with. */
export function describeRun(label: string, result: RunResult, ceiling?: RunResult): string {
  const ratio = ceiling
    ? ` (${round(rate(result))} req/s, ${(rate(result) / rate(ceiling)).toFixed(2)}× the POST route, ` +
      `p99 ${(result.latency.p99 / ceiling.latency.p99).toFixed(2)}× its p99)`
    : "";
  const unit = ceiling ? "acks/s" : "req/s";
  const codes = result.non2xx ? ` ${JSON.stringify(result.statusCodes)}` : "";
  return (
    `${label} ${round(ceiling ? result.acked / result.durationS : rate(result))} ${unit}${ratio} · p50 ${ms(result.latency.p50)} · ` +
    `p99 ${ms(result.latency.p99)} · max ${ms(result.latency.max)} · non-2xx ${result.non2xx}${codes} · ` +
    `errors ${result.errors} (timeouts ${result.timeouts})`
  );
}

export type Processing = {
  backlogAtStop: number;
  drainText: string;
  overall: number;
  whileAcking: number;
  afterStop: number | null;
};

/** Rates over the measured run: overall is processed ÷ (drain end − load start), as in the README. */
export function processingFigures({
  ingest,
  baseline,
  atStop,
  end,
  drainEnd,
  drainTimeoutS,
}: {
  ingest: RunResult;
  baseline: QueueSample;
  atStop: QueueSample;
  end: QueueSample;
  /** When the last event was processed, or undefined when the backlog never drained. */
  drainEnd: number | undefined;
  drainTimeoutS: number;
}): Processing {
  const until = drainEnd ?? end.at;
  return {
    backlogAtStop: atStop.pending,
    drainText:
      drainEnd === undefined
        ? `NOT drained after ${drainTimeoutS} s (${end.pending} pending)`
        : `drained in ${((drainEnd - ingest.finishMs) / 1000).toFixed(1)} s`,
    overall: (end.processed - baseline.processed) / seconds(ingest.startMs, until),
    whileAcking: (atStop.processed - baseline.processed) / seconds(ingest.startMs, ingest.finishMs),
    afterStop: until > ingest.finishMs ? (end.processed - atStop.processed) / seconds(ingest.finishMs, until) : null,
  };
}

/** The pending count over time, thinned to about 40 numbers so it fits on a line. */
export function timeline(samples: QueueSample[], intervalMs: number): string {
  const step = Math.max(1, Math.round(samples.length / 40));
  const values = samples.filter((_, index) => index % step === 0).map((sample) => sample.pending);
  return `pending every ${((step * intervalMs) / 1000).toFixed(2)} s: ${values.join(" ")}`;
}

export function summaryTable({
  health,
  post,
  ingest,
  processing,
  lagMs,
  correctness,
}: {
  health: RunResult;
  post: RunResult;
  ingest: RunResult;
  processing: Processing;
  lagMs: { p50: number | null; p99: number | null; max: number | null };
  correctness: string;
}): string {
  const ratio = `${(rate(ingest) / rate(post)).toFixed(2)}×`;
  const p99Ratio = `${(ingest.latency.p99 / post.latency.p99).toFixed(2)}×`;
  const latency = (l: { p50: number | null; p99: number | null; max: number | null }) =>
    `${ms(l.p50)} | ${ms(l.p99)} | ${ms(l.max)}`;
  const { backlogAtStop, drainText, overall } = processing;
  return [
    "| phase | throughput | p50 | p99 | max |",
    "|---|---|---|---|---|",
    `| health (GET /api/health) | ${round(rate(health))} req/s | ${latency(health.latency)} |`,
    `| trivial POST route (same bodies) | ${round(rate(post))} req/s | ${latency(post.latency)} |`,
    `| ingest (signed POST → 200) | ${round(rate(ingest))} req/s (${ratio} the POST route; p99 ${p99Ratio}) | ${latency(ingest.latency)} |`,
    `| processing (ack → processed) | ${round(overall)} events/s; backlog ${backlogAtStop} at stop, ${drainText} | ${latency(lagMs)} |`,
    "",
    `health ${round(rate(health))} req/s p50 ${ms(health.latency.p50)} p99 ${ms(health.latency.p99)} | ` +
      `post ${round(rate(post))} req/s p99 ${ms(post.latency.p99)} | ` +
      `ingest ${round(rate(ingest))} req/s (${ratio}, p99 ${p99Ratio}) p50 ${ms(ingest.latency.p50)} p99 ${ms(ingest.latency.p99)} | ` +
      `backlog at stop ${backlogAtStop}, ${drainText}, ${round(overall)} events/s processed | ${correctness}`,
  ].join("\n");
}
