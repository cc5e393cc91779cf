import "server-only";
import type { Db } from "./client";

export async function getRawEventBacklog({ db }: { db: Db }) {
  const [row] = await db.$queryRaw<
    { pending: bigint; oldest_pending: Date | null; failed: bigint; processed: bigint }[]
  >`
    SELECT count(*) FILTER (WHERE state = 'pending') AS pending,
           min(received_at) FILTER (WHERE state = 'pending') AS oldest_pending,
           count(*) FILTER (WHERE state = 'failed') AS failed,
           count(*) FILTER (WHERE state = 'processed') AS processed
    FROM raw_events`;
  return {
    pending: Number(row?.pending ?? 0),
    oldestPendingAt: row?.oldest_pending ?? null,
    failed: Number(row?.failed ?? 0),
    processed: Number(row?.processed ?? 0),
  };
}

export async function findFailedRawEvents({ db, take }: { db: Db; take: number }) {
  return db.rawEvent.findMany({
    where: { state: "failed" },
    orderBy: { id: "desc" },
    take,
    select: { id: true, receivedAt: true, attempts: true, error: true },
  });
}
