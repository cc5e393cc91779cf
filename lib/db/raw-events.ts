import "server-only";
import { getEnv } from "@/lib/env";
import type { Db } from "./client";
import { createRawEventWriter, type RawEventWriter, type StoreResult } from "./raw-event-writer";

const globalForWriter = globalThis as unknown as { __inboxRawEventWriter?: RawEventWriter };

/** Stores a signed webhook body exactly as received, durably (committed) when it resolves. */
export function createRawEvent({ body }: { body: Uint8Array }): Promise<StoreResult> {
  if (!globalForWriter.__inboxRawEventWriter) {
    const env = getEnv();
    if (!env.DATABASE_URL) return Promise.reject(new Error("DATABASE_URL is not set"));
    globalForWriter.__inboxRawEventWriter = createRawEventWriter({
      connectionString: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      timeoutMs: env.WEBHOOK_STORE_TIMEOUT_MS,
    });
  }
  return globalForWriter.__inboxRawEventWriter.write(body);
}

export type ClaimedRawEvent = { id: bigint; body: Uint8Array; receivedAt: Date; attempts: number };

/**
 * Locks up to `limit` events (pending ones, unless told otherwise) for the caller's transaction. SKIP LOCKED lets any number of
 * workers (the after() drain, recovery loops, `npm run worker`) drain the same table without
 * waiting on each other; the locks die with the transaction, so a crashed worker's events are
 * simply pending again.
 */
export async function claimRawEvents({
  db,
  ids,
  states = ["pending"],
  receivedBefore,
  afterId = -1n,
  limit,
}: {
  db: Db;
  ids?: bigint[];
  /** Pending only, except for a replay, which re-applies processed and failed events in place. */
  states?: RawEventState[];
  receivedBefore?: Date;
  /** Claims only ids above this one, so a drain loop never re-claims what it already tried. */
  afterId?: bigint;
  limit: number;
}): Promise<ClaimedRawEvent[]> {
  const idFilter = ids?.map(String) ?? null;
  // bytea travels as base64: the pg adapter cannot hand raw bytea to this Prisma client version.
  const rows = await db.$queryRaw<{ id: bigint; body: string; received_at: Date; attempts: number }[]>`
    SELECT id, encode(body, 'base64') AS body, received_at, attempts FROM raw_events
    WHERE state = ANY(${states}::raw_event_state[]) AND id > ${afterId}
      AND (${idFilter}::bigint[] IS NULL OR id = ANY(${idFilter}::bigint[]))
      AND received_at <= ${receivedBefore ?? new Date("9999-12-31T00:00:00Z")}
    ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
  return rows.map((row) => ({
    id: row.id,
    body: Buffer.from(row.body, "base64"),
    receivedAt: row.received_at,
    attempts: row.attempts,
  }));
}

/** Marks applied events processed; `error` keeps the parser's problems with items it skipped. */
export async function markRawEventsProcessed({
  db,
  results,
}: {
  db: Db;
  results: { id: bigint; error: string | null }[];
}): Promise<void> {
  if (results.length === 0) return;
  await db.$executeRaw`
    UPDATE raw_events r SET state = 'processed', processed_at = now(), attempts = r.attempts + 1, error = v.error
    FROM unnest(${results.map((r) => r.id.toString())}::bigint[], ${results.map((r) => r.error)}::text[]) AS v(id, error)
    WHERE r.id = v.id`;
}

/** A body that can never be applied (not JSON, not Meta's envelope): kept, with the reason. */
export async function markRawEventFailed({ db, id, error }: { db: Db; id: bigint; error: string }) {
  await db.rawEvent.update({
    where: { id },
    data: { state: "failed", processedAt: new Date(), attempts: { increment: 1 }, error },
  });
}

/** Records a processing crash; the event stays pending for a retry until maxAttempts. */
export async function recordRawEventAttemptFailure({
  db,
  id,
  error,
  maxAttempts,
}: {
  db: Db;
  id: bigint;
  error: string;
  maxAttempts: number;
}): Promise<void> {
  await db.$executeRaw`
    UPDATE raw_events SET attempts = attempts + 1, error = ${error},
      state = CASE WHEN attempts + 1 >= ${maxAttempts} THEN 'failed'::raw_event_state ELSE state END,
      processed_at = CASE WHEN attempts + 1 >= ${maxAttempts} THEN now() ELSE processed_at END
    WHERE id = ${id} AND state = 'pending'`;
}

export type RawEventState = "pending" | "processed" | "failed";

export type RawEventSelection = {
  state?: RawEventState;
  from?: Date;
  to?: Date;
  ids?: bigint[];
};

export async function findRawEventIds({ db, selection }: { db: Db; selection: RawEventSelection }): Promise<bigint[]> {
  const rows = await db.rawEvent.findMany({
    where: {
      ...(selection.state ? { state: selection.state } : {}),
      ...(selection.ids ? { id: { in: selection.ids } } : {}),
      receivedAt: {
        ...(selection.from ? { gte: selection.from } : {}),
        ...(selection.to ? { lte: selection.to } : {}),
      },
    },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

export async function countRawEventsByState({
  db,
}: {
  db: Db;
}): Promise<Record<"pending" | "processed" | "failed", number>> {
  const groups = await db.rawEvent.groupBy({ by: ["state"], _count: { _all: true } });
  const counts = { pending: 0, processed: 0, failed: 0 };
  for (const group of groups) counts[group.state] = group._count._all;
  return counts;
}

/**
 * Deletes up to `limit` processed events received before `receivedBefore`, oldest first; returns
 * how many. Pending and failed events are never deleted (a failed one waits for a fix and a
 * replay). Small batches with SKIP LOCKED: no long lock, no wait on a batch being processed.
 */
export async function deleteProcessedRawEvents({
  db,
  receivedBefore,
  limit,
}: {
  db: Db;
  receivedBefore: Date;
  limit: number;
}): Promise<number> {
  return db.$executeRaw`
    DELETE FROM raw_events WHERE id IN (
      SELECT id FROM raw_events
      WHERE state = 'processed' AND received_at < ${receivedBefore}
      ORDER BY received_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)`;
}
