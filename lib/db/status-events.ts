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

/**
 * Keeps every distinct status webhook once — (wamid, status, timestamp) identifies a retry — in
 * one statement. Returns how many were new and the wamids that got a new status event.
 */
export async function createStatusEventsIfNew({
  db,
  events,
}: {
  db: Db;
  events: NewStatusEvent[];
}): Promise<{ inserted: number; wamids: string[] }> {
  if (events.length === 0) return { inserted: 0, wamids: [] };
  const column = <T>(pick: (event: NewStatusEvent) => T) => events.map(pick);
  const rows = await db.$queryRaw<{ wamid: string }[]>`
    INSERT INTO status_events (id, wamid, status, timestamp, timestamp_issue, recipient_id, phone_number_id,
                               error_code, error_title, errors, pricing, conversation, biz_opaque_data, raw_event_id)
    SELECT 'st_' || gen_random_uuid(), v.wamid, v.status, v.timestamp, v.timestamp_issue, v.recipient_id,
           v.phone_number_id, v.error_code, v.error_title, v.errors::jsonb, v.pricing::jsonb, v.conversation::jsonb,
           v.biz_opaque_data, v.raw_event_id
    FROM unnest(${column((e) => e.wamid)}::text[], ${column((e) => e.status)}::text[],
                ${column((e) => e.timestamp.toISOString())}::timestamptz[], ${column((e) => e.timestampIssue)}::text[],
                ${column((e) => e.recipientId)}::text[], ${column((e) => e.phoneNumberId)}::text[],
                ${column((e) => e.errorCode)}::int[], ${column((e) => e.errorTitle)}::text[],
                ${column((e) => json(e.errors))}::text[], ${column((e) => json(e.pricing))}::text[],
                ${column((e) => json(e.conversation))}::text[], ${column((e) => e.bizOpaqueData)}::text[],
                ${column((e) => e.rawEventId?.toString() ?? null)}::bigint[])
         AS v(wamid, status, timestamp, timestamp_issue, recipient_id, phone_number_id, error_code, error_title,
              errors, pricing, conversation, biz_opaque_data, raw_event_id)
    ON CONFLICT (wamid, status, timestamp) DO NOTHING
    RETURNING wamid`;
  return { inserted: rows.length, wamids: [...new Set(rows.map((row) => row.wamid))] };
}

/**
 * Serialises work on the same wamids inside the caller's transaction. Storing a status and creating
 * the message it refers to can otherwise run concurrently, each unable to see the other's
 * uncommitted row, and the tick would be lost. Locks are taken in one sorted order: no deadlocks.
 */
export async function lockWamids({ db, wamids }: { db: Db; wamids: string[] }): Promise<void> {
  if (wamids.length === 0) return;
  await db.$executeRaw`
    SELECT pg_advisory_xact_lock(key) FROM (
      SELECT DISTINCT hashtextextended(wamid, 0) AS key FROM unnest(${wamids}::text[]) AS wamid ORDER BY key
    ) AS keys`;
}
