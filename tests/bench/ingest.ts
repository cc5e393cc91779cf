// npm run bench:ingest -- [--duration 10] [--connections 32] [--workers 0] … (--help lists them)
// How fast the webhook endpoint acknowledges and how fast the stored events are processed, against a
// production `next start` and real Postgres. Prints figures and asserts no timing (a slow run is
// information); it exits non-zero only when an acknowledged event was lost or processed twice.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { buildIfNeeded } from "../../lib/cli/build-if-needed";
import { root, startNextServer } from "../support/processes";
import { type CpuSnapshot, formatCpu, snapshotCpu } from "./cpu";
import { createBenchDatabase, inspectRun, maxRawEventId, sampleQueue, startSampler, waitForDrain } from "./database";
import { forkLoadGenerator } from "./fork-load-generator";
import { readOptions, usage } from "./options";
import { describeRun, ms, processingFigures, round, summaryTable, timeline } from "./report";
import { createTeardown, runBench } from "./teardown";
import { startWorkers, WORKER_POLL_MS } from "./workers";

const SAMPLE_MS = 250;
const options = readOptions();
if (options.help) {
  console.log(usage);
  process.exit(0);
}

const teardown = createTeardown();
const { defer } = teardown;
const log = (line = "") => console.log(line);

async function main() {
  const database = await createBenchDatabase({ root, embedded: options.embedded, defer });
  // The benchmark's own build: the product plus a trivial POST route, the ceiling ingest is held to.
  if (!options.skipBuild) buildIfNeeded({ root, bench: true });
  else if (!existsSync(join(root, ".next-bench", "BUILD_ID")))
    throw new Error("--skip-build: there is no benchmark build in .next-bench yet");

  const secrets = {
    appSecret: `bench-secret-${randomBytes(8).toString("hex")}`,
    webhookKey: `bench_key_${randomBytes(12).toString("hex")}`,
  };
  // Secrets from the environment: the ack path never needs the database for its configuration.
  const serverEnv: Record<string, string> = {
    INBOX_BENCH_BUILD: "1",
    DATABASE_URL: database.url,
    WHATSAPP_APP_SECRET: secrets.appSecret,
    WHATSAPP_WEBHOOK_KEY: secrets.webhookKey,
    WHATSAPP_VERIFY_TOKEN: `verify-${randomBytes(6).toString("hex")}`,
    // A production server refuses to start without a session-signing secret.
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
    ...(options.poolSize ? { DATABASE_POOL_SIZE: String(options.poolSize) } : {}),
    // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": a CPU profile of next-server, written when it stops.
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
    ...(options.workers > 0 ? { PROCESS_AFTER_ACK: "false", RECOVERY_LOOP: "off" } : {}),
  };
  const server = await startNextServer(serverEnv);
  defer("stop next-server", () => server.stop());
  const workerPids = await startWorkers({ count: options.workers, databaseUrl: database.url, defer });
  const load = await forkLoadGenerator();
  defer("stop load generator", load.stop);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  defer("close sampling connection", () => client.end());
  const cpu = (): CpuSnapshot | undefined =>
    snapshotCpu({ serverPid: server.process.pid ?? -1, loadPid: load.pid, workerPids, database: database.name });

  const setting = (name: string, fallback: string) => `${name}=${serverEnv[name] ?? process.env[name] ?? fallback}`;
  log(
    `\n[bench] ${cpus().length} cores · Node ${process.versions.node} · ${server.url} · ${database.name} on ${database.where}`,
  );
  log(
    `[bench] ${options.connections} connections · ${options.duration} s per phase · ${options.senders} senders · ` +
      `server ${setting("DATABASE_POOL_SIZE", "10")} ${setting("PROCESS_AFTER_ACK", "true")} ` +
      `${setting("RECOVERY_LOOP", "on")} ${setting("WORKER_POLL_MS", "1000")}` +
      (options.workers ? ` · ${options.workers} worker process(es), WORKER_POLL_MS=${WORKER_POLL_MS}` : "") +
      (options.ackOnly ? " · ack-only: the workers are paused while acks are measured" : ""),
  );

  // Phase A — the framework's ceiling: a route that touches nothing.
  const health = { kind: "health" as const, url: `${server.url}/api/health`, connections: options.connections };
  await load.run({ ...health, duration: options.warmup });
  const healthCpu = cpu();
  const healthRun = await load.run({ ...health, duration: options.duration });
  log(`\n${describeRun("A  health  ", healthRun)}`);
  log(`   CPU (cores): ${formatCpu(healthCpu, cpu())}`);

  // Phase A2 — the ceiling ingest is held to: the same signed bodies POSTed to a route that only
  // reads them (app/api/bench/post/route.bench.ts), so Next's own cost of a POST body is in both.
  const post = {
    kind: "post" as const,
    url: `${server.url}/api/bench/post`,
    appSecret: secrets.appSecret,
    senders: options.senders,
    connections: options.connections,
  };
  await load.run({ ...post, duration: options.warmup });
  const postCpu = cpu();
  const postRun = await load.run({ ...post, duration: options.duration });
  log(`\n${describeRun("A2 post    ", postRun)}`);
  log(`   CPU (cores): ${formatCpu(postCpu, cpu())}`);

  // Phase B — ingest. A short warm-up loads the route and opens the pools; its events are drained
  // before measuring, so the measured backlog starts at zero.
  const ingest = {
    kind: "ingest" as const,
    url: `${server.url}/api/webhooks/whatsapp/${secrets.webhookKey}`,
    appSecret: secrets.appSecret,
    senders: options.senders,
  };
  const warm = await load.run({ ...ingest, connections: Math.min(8, options.connections), amount: 20 * 32 });
  const warmSampler = startSampler(client, SAMPLE_MS);
  if (!(await waitForDrain(warmSampler, 60_000))) log("   (warm-up events not drained after 60 s; measuring anyway)");
  warmSampler.stop();
  const afterId = await maxRawEventId(client);
  const baseline = await sampleQueue(client);

  // --ack-only: the workers sleep through the ingest phase (the server only acks), then drain.
  const pauseWorkers = (signal: "SIGSTOP" | "SIGCONT") => {
    if (options.ackOnly) for (const pid of workerPids) process.kill(pid, signal);
  };
  const sampler = startSampler(client, SAMPLE_MS);
  pauseWorkers("SIGSTOP");
  defer("wake the workers", async () => pauseWorkers("SIGCONT"));
  const loadCpu = cpu();
  const ingestRun = await load.run({ ...ingest, connections: options.connections, duration: options.duration });
  const atStop = await sampler.now();
  const stopCpu = cpu();
  pauseWorkers("SIGCONT");
  log(`\n${describeRun("B  ingest  ", ingestRun, postRun)}`);
  log(`   CPU (cores): ${formatCpu(loadCpu, stopCpu)}`);

  // Phase C — processing, watched from outside the server: bounded wait for the backlog to drain.
  const drained = await waitForDrain(sampler, options.drainTimeout * 1000);
  const drainCpu = cpu();
  sampler.stop();
  const end = drained ?? (await sampleQueue(client));
  const ackedWamids = [...warm.ackedWamids, ...ingestRun.ackedWamids];
  const run = await inspectRun(client, { afterId, ackedWamids });
  // processed_at (now() of the batch's transaction) pins the drain's end to within one batch, finer
  // than the 250 ms samples; the sample that first saw zero pending is the fallback.
  const drainEnd = drained ? Math.max(ingestRun.finishMs, run.lastProcessedAt ?? drained.at) : undefined;
  const processing = processingFigures({
    ingest: ingestRun,
    baseline,
    atStop,
    end,
    drainEnd,
    drainTimeoutS: options.drainTimeout,
  });
  log(
    `\nC  backlog at stop ${processing.backlogAtStop} · ${processing.drainText} · ` +
      `${round(processing.overall)} events/s processed overall`,
  );
  log(
    `   processing rate: ${round(processing.whileAcking)}/s while acking, ` +
      `${processing.afterStop === null ? "–" : round(processing.afterStop)}/s after the load stopped`,
  );
  log(`   ack → processed lag: p50 ${ms(run.lagMs.p50)} · p99 ${ms(run.lagMs.p99)} · max ${ms(run.lagMs.max)}`);
  log(`   ${timeline(sampler.samples, SAMPLE_MS)}`);
  log(`   CPU after stop (cores): ${formatCpu(stopCpu, drainCpu)}`);

  // Correctness: every acknowledged event stored and processed exactly once (wamid is unique), and
  // every stored one processed — including those whose 200 the load generator hung up on at stop.
  const acked = ackedWamids.length;
  const exact = run.ackedFound === acked && run.messages === run.rawEvents && end.pending === 0 && end.failed === 0;
  const correctness = exact
    ? `${acked} acked = ${run.ackedFound} messages`
    : `MISMATCH: ${acked} acked, ${run.ackedFound} of them found in messages`;
  log(
    `\n   ${correctness} (warm-up included) · raw_events ${run.rawEvents}, of which ${run.rawEvents - acked} ` +
      `stored but unacked at stop · messages ${run.messages} · pending ${end.pending} · failed ${end.failed} · ` +
      `with problems ${run.withProblems}`,
  );
  if (!exact) process.exitCode = 1;
  if (ingestRun.non2xx + ingestRun.errors > 0 || !exact) {
    log(`\n[bench] server output (tail):\n${server.output().slice(-3000)}`);
  }
  log(
    `\n${summaryTable({ health: healthRun, post: postRun, ingest: ingestRun, processing, lagMs: run.lagMs, correctness })}`,
  );
}

runBench(main, teardown);
