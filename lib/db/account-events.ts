import "server-only";
import type { Db } from "./client";

/** Non-message webhook changes, once each however often Meta retries them. */
export async function createAccountEventIfNew({
  db,
  dedupeKey,
  rawEventId,
  field,
  wabaId,
  value,
}: {
  db: Db;
  dedupeKey: string;
  rawEventId: bigint;
  field: string;
  wabaId: string | null;
  value: unknown;
}): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO account_events (id, dedupe_key, raw_event_id, field, waba_id, value)
    VALUES (${`ae_${crypto.randomUUID()}`}, ${dedupeKey}, ${rawEventId}, ${field}, ${wabaId}, ${JSON.stringify(value)}::jsonb)
    ON CONFLICT (dedupe_key) DO NOTHING`;
  return inserted > 0;
}

export async function findAccountEvents({ db, field }: { db: Db; field?: string }) {
  return db.accountEvent.findMany({ where: field ? { field } : {}, orderBy: { createdAt: "desc" }, take: 100 });
}
