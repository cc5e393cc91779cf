// npm run bench:ingest -- [--duration 10] [--connections 32] [--warmup 3] [--senders 1000]
//                         [--pool-size N] [--drain-timeout 120] [--skip-build] [--embedded]
// How fast the webhook endpoint acknowledges and how fast the stored events are processed, against a
// production `next start` and real Postgres. Prints figures; asserts no timing (a slow run is
// information). It exits non-zero only when an acknowledged event was lost or processed twice.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildIfNeeded } from "../../lib/cli/build-if-needed";
import { root, startNextServer } from "../support/processes";
import { type CpuSnapshot, formatCpu, snapshotCpu } from "./cpu";
import { createBenchDatabase, type Defer, inspectRun, maxRawEventId, sampleQueue, startSampler, waitForDrain } from "./database";
import { forkLoadGenerator } from "./fork-load-generator";
import type { RunResult } from "./load-generator";

const { values: flags } = parseArgs({
  options: {
    duration: { type: "string" }, connections: { type: "string" }, warmup: { type: "string" }, senders: { type: "string" },
    "pool-size": { type: "string" }, "drain-timeout": { type: "string" }, "skip-build": { type: "boolean" }, embedded: { type: "boolean" },
  },
});
function positive(name: string, value: string | undefined, fallback: number): number {
  const number = Number(value ?? fallback);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return number;
}
const env = process.env;
const options = {
  duration: positive("duration", flags.duration ?? env.BENCH_DURATION, 10),
  connections: positive("connections", flags.connections ?? env.BENCH_CONNECTIONS, 32),
  warmup: positive("warmup", flags.warmup ?? env.BENCH_WARMUP, 3),
  senders: positive("senders", flags.senders ?? env.BENCH_SENDERS, 1000),
  drainTimeout: positive("drain-timeout", flags["drain-timeout"] ?? env.BENCH_DRAIN_TIMEOUT, 120),
  poolSize: flags["pool-size"] ?? env.DATABASE_POOL_SIZE,
  skipBuild: flags["skip-build"] ?? env.BENCH_SKIP_BUILD === "1",
  embedded: flags.embedded ?? env.BENCH_EMBEDDED === "1",
};

// Teardown in reverse order of set-up, at most once, even when a step or a signal interrupts.
const teardown: { what: string; task: () => Promise<void> }[] = [];
const defer: Defer = (what, task) => teardown.push({ what, task });
let shuttingDown: Promise<void> | undefined;
const shutdown = () =>
  (shuttingDown ??= (async () => {
    for (let step = teardown.pop(); step; step = teardown.pop()) {
      const { what, task } = step;
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timed out after 30 s")), 30_000)));
      await Promise.race([task(), limit])
        .catch((error: unknown) => console.error(`[bench] ${what} failed:`, error instanceof Error ? error.message : error))
        .finally(() => clearTimeout(timer));
    }
  })());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n[bench] ${signal}: shutting down`);
    void shutdown().finally(() => process.exit(130));
  });
}

const round = (value: number) => Math.round(value).toString();
const ms = (value: number | null) => (value === null ? "–" : `${value < 10 ? value.toFixed(1) : round(value)} ms`);
const rate = (result: RunResult) => result.completed / result.durationS;
const log = (line = "") => console.log(line);

async function main() {
  const database = await createBenchDatabase({ root, embedded: options.embedded, defer });
  if (options.skipBuild) {
    if (!existsSync(join(root, ".next", "BUILD_ID"))) throw new Error("--skip-build: there is no build in .next; run without it once");
  } else buildIfNeeded({ root });

  const secrets = {
    appSecret: `bench-secret-${randomBytes(8).toString("hex")}`,
    webhookKey: `bench_key_${randomBytes(12).toString("hex")}`,
  };
  const server = await startNextServer({
    DATABASE_URL: database.url,
    WHATSAPP_APP_SECRET: secrets.appSecret,
    WHATSAPP_WEBHOOK_KEY: secrets.webhookKey,
    WHATSAPP_VERIFY_TOKEN: `verify-${randomBytes(6).toString("hex")}`,
    ...(options.poolSize ? { DATABASE_POOL_SIZE: options.poolSize } : {}),
  });
  defer("stop next-server", () => server.stop());
  const load = await forkLoadGenerator();
  defer("stop load generator", load.stop);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  defer("close sampling connection", () => client.end());
  const cpu = (): CpuSnapshot | undefined => snapshotCpu({ serverPid: server.process.pid ?? -1, loadPid: load.pid, database: database.name });

  log(`\n[bench] ${cpus().length} cores · Node ${process.versions.node} · ${server.url} · database ${database.name} on ${database.where} · ${options.connections} connections · ${options.duration} s per phase`);
  log(
    `[bench] server: DATABASE_POOL_SIZE=${options.poolSize ?? "10 (default)"} PROCESS_AFTER_ACK=${env.PROCESS_AFTER_ACK ?? "true (default)"} ` +
      `WORKER_POLL_MS=${env.WORKER_POLL_MS ?? "1000 (default)"} · ${options.senders} distinct senders`,
  );

  // Phase A — the framework's ceiling: a route that touches nothing.
  const base = { url: `${server.url}/api/health`, connections: options.connections };
  await load.run({ kind: "health", ...base, duration: options.warmup });
  const healthCpu = cpu();
  const health = await load.run({ kind: "health", ...base, duration: options.duration });
  log(`\nA  health   ${round(rate(health))} req/s · p50 ${ms(health.latency.p50)} · p99 ${ms(health.latency.p99)} · max ${ms(health.latency.max)} · non-2xx ${health.non2xx} · errors ${health.errors}`);
  log(`   CPU: ${formatCpu(healthCpu, cpu())}`);

  // Phase B — ingest. A short warm-up loads the route and opens the pool; its events are
  // drained before measuring, so the measured backlog starts at zero.
  const ingestBase = { kind: "ingest" as const, url: `${server.url}/api/webhooks/whatsapp/${secrets.webhookKey}`, appSecret: secrets.appSecret, senders: options.senders };
  const warm = await load.run({ ...ingestBase, connections: Math.min(8, options.connections), amount: options.connections * 20 });
  const warmDrain = startSampler(client, 250);
  const warmDrained = await waitForDrain(warmDrain, 60_000);
  warmDrain.stop();
  if (!warmDrained) log("   (warm-up events not drained after 60 s; measuring anyway)");
  const afterId = await maxRawEventId(client);
  const baseline = await sampleQueue(client);

  const sampler = startSampler(client, 250);
  const loadCpu = cpu();
  const ingest = await load.run({ ...ingestBase, connections: options.connections, duration: options.duration });
  const atStop = await sampler.now();
  const stopCpu = cpu();
  const ingestRate = rate(ingest);
  log(
    `\nB  ingest   ${round(ingest.acked / ingest.durationS)} acks/s (${round(ingestRate)} req/s, ${(ingestRate / rate(health)).toFixed(2)}× health) · ` +
      `p50 ${ms(ingest.latency.p50)} · p99 ${ms(ingest.latency.p99)} · max ${ms(ingest.latency.max)} · ` +
      `non-2xx ${ingest.non2xx}${ingest.non2xx ? ` ${JSON.stringify(ingest.statusCodes)}` : ""} · errors ${ingest.errors} (timeouts ${ingest.timeouts})`,
  );
  log(`   CPU: ${formatCpu(loadCpu, stopCpu)}`);

  // Phase C — processing, watched from outside the server.
  const drained = await waitForDrain(sampler, options.drainTimeout * 1000);
  const drainCpu = cpu();
  sampler.stop();
  const end = drained ?? (await sampleQueue(client));
  const ackedWamids = [...warm.ackedWamids, ...ingest.ackedWamids];
  const run = await inspectRun(client, { afterId, ackedWamids });
  const drainEnd = drained ? Math.max(ingest.finishMs, run.lastProcessedAt ?? drained.at) : end.at;
  const processed = end.processed - baseline.processed;
  const duringLoad = atStop.processed - baseline.processed;
  const seconds = (from: number, to: number) => Math.max(0.001, (to - from) / 1000);
  const drainText = drained ? `drained in ${((drainEnd - ingest.finishMs) / 1000).toFixed(1)} s` : `NOT drained after ${options.drainTimeout} s (${end.pending} pending)`;
  const overall = processed / seconds(ingest.startMs, drainEnd);
  log(`\nC  backlog at stop ${atStop.pending} · ${drainText} · ${round(overall)} events/s processed overall`);
  log(
    `   processing rate: ${round(duringLoad / seconds(ingest.startMs, ingest.finishMs))}/s while acking, ` +
      `${drained && drainEnd > ingest.finishMs ? round((end.processed - atStop.processed) / seconds(ingest.finishMs, drainEnd)) : "–"}/s after the load stopped`,
  );
  log(`   ack → processed lag: p50 ${ms(run.lagMs.p50)} · p99 ${ms(run.lagMs.p99)} · max ${ms(run.lagMs.max)}`);
  const step = Math.max(1, Math.round(sampler.samples.length / 40));
  const timeline = sampler.samples.filter((_, index) => index % step === 0).map((sample) => sample.pending);
  log(`   pending every ${((step * 250) / 1000).toFixed(2)} s: ${timeline.join(" ")}`);
  log(`   CPU after stop: ${formatCpu(stopCpu, drainCpu)}`);

  // Correctness: every acknowledged event stored and processed exactly once (wamid is unique).
  const acked = ackedWamids.length;
  const lost = acked - run.ackedFound;
  const unacked = run.rawEvents - acked; // stored, but the load generator hung up before the 200
  const exact = lost === 0 && run.messages === run.rawEvents && end.pending === 0 && end.failed === 0;
  const correctness = exact ? `${acked} acked = ${run.ackedFound} messages` : `MISMATCH: ${acked} acked, ${run.ackedFound} found`;
  log(
    `\n   ${correctness} · raw_events ${run.rawEvents} (${unacked} stored but unacked at stop) · messages ${run.messages} · ` +
      `pending ${end.pending} · failed ${end.failed} · with problems ${run.withProblems}`,
  );
  if (!exact) process.exitCode = 1;
  if (ingest.non2xx + ingest.errors > 0 || !exact) log(`\n[bench] server output (tail):\n${server.output().slice(-3000)}`);

  const summary =
    `health ${round(rate(health))} req/s p50 ${ms(health.latency.p50)} p99 ${ms(health.latency.p99)} | ` +
    `ingest ${round(ingestRate)} req/s (${(ingestRate / rate(health)).toFixed(2)}×) p50 ${ms(ingest.latency.p50)} p99 ${ms(ingest.latency.p99)} | ` +
    `backlog at stop ${atStop.pending}, ${drainText}, ${round(overall)} events/s processed | ${correctness}`;
  log(`\n| phase | throughput | p50 | p99 | max |\n|---|---|---|---|---|`);
  log(`| health (GET /api/health) | ${round(rate(health))} req/s | ${ms(health.latency.p50)} | ${ms(health.latency.p99)} | ${ms(health.latency.max)} |`);
  log(`| ingest (signed POST, ack) | ${round(ingestRate)} req/s (${(ingestRate / rate(health)).toFixed(2)}× health) | ${ms(ingest.latency.p50)} | ${ms(ingest.latency.p99)} | ${ms(ingest.latency.max)} |`);
  log(`| processing (ack → processed) | ${round(overall)} events/s; backlog ${atStop.pending} at stop, ${drainText} | ${ms(run.lagMs.p50)} | ${ms(run.lagMs.p99)} | ${ms(run.lagMs.max)} |`);
  log(`\n${summary}`);
}

main()
  .catch((error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => shutdown().then(() => process.exit()));
