import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";

// The ack path's only database work, kept off Prisma's query layer on purpose: a plain pg pool
// and group commit. Webhooks that arrive together share one INSERT (one commit, one fsync), and
// each is answered only after that commit. Measured on 2 cores at 32 concurrent inserts:
// Prisma one-by-one ≈ 325–572 µs CPU per ack, pg grouped ≈ 41 µs (README → Speed).

const MAX_GROUP = 500;
// The notification wakes processing workers (LISTEN raw_events_inserted) the moment the rows
// commit — Postgres delivers it only on commit — instead of at their next poll.
// Identical bodies (Meta's retries, a replayed capture) are stored once: the unique body_hash
// turns them into no-ops, and the hashes returned say which bodies were new.
const INSERT_AND_NOTIFY = `
  WITH stored AS (
    INSERT INTO raw_events (body, body_hash) SELECT * FROM unnest($1::bytea[], $2::bytea[])
    ON CONFLICT (body_hash) DO NOTHING
    RETURNING body_hash)
  SELECT body_hash FROM stored
  UNION ALL
  SELECT NULL FROM (SELECT pg_notify('raw_events_inserted', '') FROM (SELECT 1 FROM stored LIMIT 1) AS any_row) AS notified`;
const MAX_IN_FLIGHT = 4;

type Pending = {
  body: Uint8Array;
  hash: Buffer;
  resolve: (result: StoreResult) => void;
  reject: (error: unknown) => void;
};

/** duplicate: an identical body was already stored (and is or was processed); nothing new to do. */
export type StoreResult = { duplicate: boolean };
export type RawEventWriter = { write: (body: Uint8Array) => Promise<StoreResult>; close: () => Promise<void> };

/** The database did not store the event in time (hung, frozen, unreachable): the caller answers 503. */
export class RawEventTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`the database did not store the event within ${timeoutMs} ms`);
    this.name = "RawEventTimeoutError";
  }
}

export function createRawEventWriter({
  connectionString,
  poolSize,
  timeoutMs,
}: {
  connectionString: string;
  poolSize: number;
  /** Connect + insert + commit; past it the event counts as not stored (Meta retries a 503). */
  timeoutMs: number;
}): RawEventWriter {
  const pool = new pg.Pool({
    connectionString,
    max: Math.min(poolSize, MAX_IN_FLIGHT),
    connectionTimeoutMillis: timeoutMs,
  });
  // An idle client that errors (database restart) must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error("[webhook] idle database connection failed", error.message));
  let queue: Pending[] = [];
  let inFlight = 0;

  const flush = () => {
    while (queue.length > 0 && inFlight < MAX_IN_FLIGHT) {
      const group = queue.slice(0, MAX_GROUP);
      queue = queue.slice(group.length);
      inFlight += 1;
      insertWithin(pool, timeoutMs, [group.map((item) => Buffer.from(item.body)), group.map((item) => item.hash)])
        .then(
          (storedHashes) => {
            const fresh = new Set(storedHashes);
            // Twice in one group: the first one is the stored one.
            group.forEach((item) => item.resolve({ duplicate: !fresh.delete(item.hash.toString("hex")) }));
          },
          (error: unknown) => group.forEach((item) => item.reject(error)),
        )
        .finally(() => {
          inFlight -= 1;
          flush();
        });
    }
  };

  return {
    write: (body) =>
      new Promise<StoreResult>((resolve, reject) => {
        queue.push({ body, hash: createHash("sha256").update(body).digest(), resolve, reject });
        // Wait one turn of the event loop so that requests arriving together join one group.
        if (queue.length === 1) setImmediate(flush);
      }),
    close: () => pool.end(),
  };
}

/**
 * A frozen database answers nothing, and a server-side statement_timeout cannot fire there: the
 * clock runs here. A connection that timed out is destroyed (its state is unknown); should the
 * insert still commit later, Meta's retry of the 503 is a duplicate like any other.
 */
function insertWithin(pool: pg.Pool, timeoutMs: number, values: unknown[]): Promise<string[]> {
  return new Promise<string[]>((resolve, reject) => {
    let client: pg.PoolClient | undefined;
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      client?.release(new RawEventTimeoutError(timeoutMs));
      reject(new RawEventTimeoutError(timeoutMs));
    }, timeoutMs);
    pool.connect().then(
      async (connected) => {
        if (settled) return connected.release();
        client = connected;
        try {
          const result = await connected.query<{ body_hash: Buffer | null }>(INSERT_AND_NOTIFY, values);
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          connected.release();
          resolve(result.rows.flatMap((row) => (row.body_hash ? [row.body_hash.toString("hex")] : [])));
        } catch (error) {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          connected.release(error instanceof Error ? error : true);
          reject(error);
        }
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
