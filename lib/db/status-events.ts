import "server-only";
import type { Db } from "./client";

export type NewStatusEvent = {
  wamid: string;
  status: string;
  timestamp: Date;
  timestampIssue: string | null;
  recipientId: string | null;
  phoneNumberId: string | null;
  errorCode: number | null;
  errorTitle: string | null;
  errors: unknown;
  pricing: unknown;
  conversation: unknown;
  bizOpaqueData: string | null;
  rawEventId: bigint | null;
};

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** Keeps every distinct status webhook once; (wamid, status, timestamp) identifies a retry. */
export async function createStatusEventIfNew({ db, event }: { db: Db; event: NewStatusEvent }): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO status_events (id, wamid, status, timestamp, timestamp_issue, recipient_id, phone_number_id,
                               error_code, error_title, errors, pricing, conversation, biz_opaque_data, raw_event_id)
    VALUES (${`st_${crypto.randomUUID()}`}, ${event.wamid}, ${event.status}, ${event.timestamp}, ${event.timestampIssue},
            ${event.recipientId}, ${event.phoneNumberId}, ${event.errorCode}, ${event.errorTitle}, ${json(event.errors)}::jsonb,
            ${json(event.pricing)}::jsonb, ${json(event.conversation)}::jsonb, ${event.bizOpaqueData}, ${event.rawEventId})
    ON CONFLICT (wamid, status, timestamp) DO NOTHING`;
  return inserted > 0;
}

export async function findStatusEvents({ db, wamid }: { db: Db; wamid: string }) {
  return db.statusEvent.findMany({ where: { wamid }, orderBy: { timestamp: "asc" } });
}

/**
 * Serialises work on the same wamids inside the caller's transaction. Storing a status and creating
 * the message it refers to can otherwise run concurrently, each unable to see the other's
 * uncommitted row, and the tick would be lost. Locks are taken in sorted order: no deadlocks.
 */
export async function lockWamids({ db, wamids }: { db: Db; wamids: string[] }): Promise<void> {
  const sorted = [...new Set(wamids)].sort();
  for (const wamid of sorted) {
    await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${wamid}, 0))`;
  }
}
