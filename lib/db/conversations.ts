import "server-only";
import type { Db } from "./client";

export const conversationKey = (contactId: string, phoneNumberId: string) => `${contactId}|${phoneNumberId}`;

/**
 * One conversation per contact × our number; concurrent first messages get the same row. Returns
 * each pair's conversation id (by conversationKey) and whether this call created it.
 */
export async function ensureConversations({
  db,
  pairs,
}: {
  db: Db;
  pairs: { contactId: string; phoneNumberId: string }[];
}): Promise<Map<string, { id: string; created: boolean }>> {
  const unique = [
    ...new Map(pairs.map((pair) => [conversationKey(pair.contactId, pair.phoneNumberId), pair])).entries(),
  ]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, pair]) => pair);
  const result = new Map<string, { id: string; created: boolean }>();
  if (unique.length === 0) return result;
  const contactIds = unique.map((pair) => pair.contactId);
  const phoneNumberIds = unique.map((pair) => pair.phoneNumberId);
  const inserted = await db.$queryRaw<{ id: string; contact_id: string; phone_number_id: string }[]>`
    INSERT INTO conversations (id, contact_id, phone_number_id, updated_at)
    SELECT 'cv_' || gen_random_uuid(), v.contact_id, v.phone_number_id, now()
    FROM unnest(${contactIds}::text[], ${phoneNumberIds}::text[]) AS v(contact_id, phone_number_id)
    ON CONFLICT (contact_id, phone_number_id) DO NOTHING
    RETURNING id, contact_id, phone_number_id`;
  for (const row of inserted)
    result.set(conversationKey(row.contact_id, row.phone_number_id), { id: row.id, created: true });
  if (result.size < unique.length) {
    const existing = await db.$queryRaw<{ id: string; contact_id: string; phone_number_id: string }[]>`
      SELECT c.id, c.contact_id, c.phone_number_id FROM conversations c
      JOIN unnest(${contactIds}::text[], ${phoneNumberIds}::text[]) AS v(contact_id, phone_number_id)
        ON c.contact_id = v.contact_id AND c.phone_number_id = v.phone_number_id`;
    for (const row of existing) {
      const key = conversationKey(row.contact_id, row.phone_number_id);
      if (!result.has(key)) result.set(key, { id: row.id, created: false });
    }
  }
  return result;
}

export async function ensureConversation({
  db,
  contactId,
  phoneNumberId,
}: {
  db: Db;
  contactId: string;
  phoneNumberId: string;
}): Promise<{ id: string; created: boolean }> {
  const result = await ensureConversations({ db, pairs: [{ contactId, phoneNumberId }] });
  return result.get(conversationKey(contactId, phoneNumberId))!;
}

export type ConversationTouch = { id: string; messageAt: Date | null; inboundAt: Date | null };

/**
 * Moves conversations' clocks forward only (Meta's timestamps, in any arrival order). A newer
 * inbound message re-opens a resolved conversation (a late retry of an old one does not). Returns
 * the conversations it re-opened: `old` locks the rows first (in id order) and reads their state as
 * this update finds it, so two batches never both see the same re-opening.
 */
export async function touchConversations({ db, touches }: { db: Db; touches: ConversationTouch[] }): Promise<string[]> {
  const merged = new Map<string, ConversationTouch>();
  const later = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a > b ? a : b);
  for (const touch of touches) {
    const previous = merged.get(touch.id);
    merged.set(touch.id, {
      id: touch.id,
      messageAt: later(previous?.messageAt ?? null, touch.messageAt),
      inboundAt: later(previous?.inboundAt ?? null, touch.inboundAt),
    });
  }
  // Sorted ids: concurrent batches lock conversation rows in the same order.
  const rows = [...merged.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const updated = await db.$queryRaw<{ id: string; reopened: boolean }[]>`
    WITH old AS (
      SELECT id, status FROM conversations WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE
    )
    UPDATE conversations c SET
      last_message_at = GREATEST(c.last_message_at, v.message_at),
      last_inbound_at = GREATEST(c.last_inbound_at, v.inbound_at),
      status = CASE WHEN c.status = 'resolved' AND v.inbound_at > COALESCE(c.last_inbound_at, '-infinity')
                    THEN 'open'::conversation_status ELSE c.status END,
      updated_at = now()
    FROM unnest(${ids}::text[],
                ${rows.map((row) => row.messageAt?.toISOString() ?? null)}::timestamptz[],
                ${rows.map((row) => row.inboundAt?.toISOString() ?? null)}::timestamptz[]) AS v(id, message_at, inbound_at),
         old
    WHERE c.id = v.id AND old.id = c.id
    RETURNING c.id, (old.status = 'resolved' AND c.status = 'open') AS reopened`;
  return updated.filter((row) => row.reopened).map((row) => row.id);
}
