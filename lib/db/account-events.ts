import "server-only";
import type { Db } from "./client";

export type NewAccountEvent = {
  dedupeKey: string;
  /** The key an older parser gave the same change (big integers rounded): that row is corrected, not doubled. */
  legacyDedupeKey?: string | null;
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
  const legacy = events.filter((e) => e.legacyDedupeKey);
  if (legacy.length > 0) {
    await db.$executeRaw`
      UPDATE account_events a SET dedupe_key = v.dedupe_key, value = v.value::jsonb
      FROM unnest(${legacy.map((e) => e.legacyDedupeKey)}::text[], ${legacy.map((e) => e.dedupeKey)}::text[],
                  ${legacy.map((e) => JSON.stringify(e.value))}::text[]) AS v(legacy_key, dedupe_key, value)
      WHERE a.dedupe_key = v.legacy_key
        AND NOT EXISTS (SELECT 1 FROM account_events b WHERE b.dedupe_key = v.dedupe_key)`;
  }
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

export async function findAccountEvents({ db, field, take }: { db: Db; field: string; take: number }) {
  return db.accountEvent.findMany({
    where: { field },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, wabaId: true, value: true, createdAt: true },
  });
}
