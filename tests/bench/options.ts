// Benchmark options: flags win over BENCH_* environment variables, which win over the defaults.
import { parseArgs } from "node:util";

export const usage = `Usage: npm run bench:ingest -- [options]
  --duration <s>        seconds per measured phase (BENCH_DURATION, default 10)
  --warmup <s>          seconds of health warm-up (BENCH_WARMUP, default 3)
  --connections <n>     concurrent connections (BENCH_CONNECTIONS, default 32)
  --senders <n>         distinct customers the webhooks come from (BENCH_SENDERS, default 1000)
  --pool-size <n>       the server's DATABASE_POOL_SIZE (default: the app's)
  --workers <n>         ack-only server (PROCESS_AFTER_ACK=false, RECOVERY_LOOP=off) plus n
                        \`npm run worker\` processes doing the processing (BENCH_WORKERS, default 0)
  --ack-only            acks only while measuring: one worker (unless --workers says more) is paused
                        (SIGSTOP) during the ingest phase and drains the backlog after it (BENCH_ACK_ONLY=1)
  --drain-timeout <s>   longest wait for the backlog to drain (BENCH_DRAIN_TIMEOUT, default 120)
  --skip-build          use the existing .next build as it is (BENCH_SKIP_BUILD=1)
  --embedded            use the embedded Postgres even when a server is reachable (BENCH_EMBEDDED=1)
Database: a fresh database on DATABASE_URL's server, else on postgresql://postgres@127.0.0.1:5432
when it answers, else in the embedded Postgres; dropped at the end (KEEP_BENCH_DATABASE=1 keeps it).
Other server settings (PROCESS_AFTER_ACK, WORKER_POLL_MS…) are passed through from the environment;
BENCH_SERVER_NODE_OPTIONS becomes next-server's NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").`;

function count(name: string, value: string | undefined, fallback: number, min = 1): number {
  const number = Number(value ?? fallback);
  if (!Number.isInteger(number) || number < min)
    throw new Error(`--${name} must be an integer ≥ ${min}, got "${value}"`);
  return number;
}

export type BenchOptions = ReturnType<typeof readOptions>;

export function readOptions(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env) {
  const { values: flags } = parseArgs({
    args: argv,
    options: {
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      senders: { type: "string" },
      "pool-size": { type: "string" },
      workers: { type: "string" },
      "drain-timeout": { type: "string" },
      "ack-only": { type: "boolean" },
      "skip-build": { type: "boolean" },
      embedded: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const poolSize = flags["pool-size"] ?? env.DATABASE_POOL_SIZE;
  const ackOnly = flags["ack-only"] ?? env.BENCH_ACK_ONLY === "1";
  return {
    help: flags.help ?? false,
    duration: count("duration", flags.duration ?? env.BENCH_DURATION, 10),
    warmup: count("warmup", flags.warmup ?? env.BENCH_WARMUP, 3),
    connections: count("connections", flags.connections ?? env.BENCH_CONNECTIONS, 32),
    senders: count("senders", flags.senders ?? env.BENCH_SENDERS, 1000),
    poolSize: poolSize === undefined ? undefined : count("pool-size", poolSize, 10),
    ackOnly,
    workers: Math.max(ackOnly ? 1 : 0, count("workers", flags.workers ?? env.BENCH_WORKERS, 0, 0)),
    drainTimeout: count("drain-timeout", flags["drain-timeout"] ?? env.BENCH_DRAIN_TIMEOUT, 120),
    skipBuild: flags["skip-build"] ?? env.BENCH_SKIP_BUILD === "1",
    embedded: flags.embedded ?? env.BENCH_EMBEDDED === "1",
  };
}
