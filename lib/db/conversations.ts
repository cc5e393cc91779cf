import "server-only";
import type { Db } from "./client";

/** One conversation per contact × our number; concurrent first messages get the same row. */
export async function ensureConversation({
  db,
  contactId,
  phoneNumberId,
}: {
  db: Db;
  contactId: string;
  phoneNumberId: string;
}): Promise<{ id: string; created: boolean }> {
  const inserted = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO conversations (id, contact_id, phone_number_id, updated_at)
    VALUES (${`cv_${crypto.randomUUID()}`}, ${contactId}, ${phoneNumberId}, now())
    ON CONFLICT (contact_id, phone_number_id) DO NOTHING RETURNING id`;
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const existing = await db.conversation.findUniqueOrThrow({
    where: { contactId_phoneNumberId: { contactId, phoneNumberId } },
    select: { id: true },
  });
  return { id: existing.id, created: false };
}

/**
 * Moves the conversation's clocks forward only (Meta's timestamps, in any arrival order). A newer
 * inbound message re-opens a resolved conversation (a late retry of an old one does not).
 */
export async function touchConversation({
  db,
  id,
  messageAt,
  inboundAt,
}: {
  db: Db;
  id: string;
  messageAt: Date | null;
  inboundAt: Date | null;
}): Promise<void> {
  await db.$executeRaw`
    UPDATE conversations SET
      last_message_at = GREATEST(last_message_at, ${messageAt}::timestamptz),
      last_inbound_at = CASE WHEN ${inboundAt}::timestamptz IS NULL THEN last_inbound_at
                             ELSE GREATEST(last_inbound_at, ${inboundAt}::timestamptz) END,
      status = CASE WHEN status = 'resolved' AND ${inboundAt}::timestamptz > COALESCE(last_inbound_at, '-infinity') THEN 'open'::conversation_status ELSE status END,
      updated_at = now()
    WHERE id = ${id}`;
}

export async function getConversation({ db, id }: { db: Db; id: string }) {
  return db.conversation.findUnique({ where: { id }, include: { contact: true, phoneNumber: true } });
}
