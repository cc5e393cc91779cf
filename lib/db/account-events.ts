import "server-only";
import type { Db } from "./client";

export type NewAccountEvent = {
  dedupeKey: string;
  rawEventId: bigint;
  field: string;
  wabaId: string | null;
  value: unknown;
};

/** Non-message webhook changes, once each however often Meta retries them. Returns the new ones' fields. */
export async function createAccountEventsIfNew({
  db,
  events,
}: {
  db: Db;
  events: NewAccountEvent[];
}): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = await db.$queryRaw<{ field: string }[]>`
    INSERT INTO account_events (id, dedupe_key, raw_event_id, field, waba_id, value)
    SELECT 'ae_' || gen_random_uuid(), v.dedupe_key, v.raw_event_id, v.field, v.waba_id, v.value::jsonb
    FROM unnest(${events.map((e) => e.dedupeKey)}::text[], ${events.map((e) => e.rawEventId.toString())}::bigint[],
                ${events.map((e) => e.field)}::text[], ${events.map((e) => e.wabaId)}::text[],
                ${events.map((e) => JSON.stringify(e.value))}::text[]) AS v(dedupe_key, raw_event_id, field, waba_id, value)
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING field`;
  return rows.map((row) => row.field);
}
