import "server-only";
import type { Db } from "./client";
import { UNREAD_CAP } from "./inbox-conversations";

/**
 * Moves one agent's read position in a conversation up to its newest customer activity (Meta's
 * timestamp), never back. last_inbound_at also moves on reactions, so it is part of the maximum:
 * otherwise a reaction would leave the conversation counted unread after it was read. Nothing is
 * stored while the customer has not written at all (nothing can be unread then).
 */
export async function markConversationRead({
  db,
  userId,
  conversationId,
}: {
  db: Db;
  userId: string;
  conversationId: string;
}): Promise<void> {
  await db.$executeRaw`
    INSERT INTO conversation_reads (user_id, conversation_id, read_up_to, updated_at)
    SELECT ${userId}, c.id, t.read_up_to, now()
    FROM conversations c
    CROSS JOIN LATERAL (
      SELECT GREATEST(c.last_inbound_at, (
        SELECT m.timestamp FROM messages m
        WHERE m.conversation_id = c.id AND m.direction = 'inbound'
        ORDER BY m.timestamp DESC LIMIT 1)) AS read_up_to) t
    WHERE c.id = ${conversationId} AND t.read_up_to IS NOT NULL
    ON CONFLICT (user_id, conversation_id) DO UPDATE
      SET read_up_to = GREATEST(conversation_reads.read_up_to, EXCLUDED.read_up_to), updated_at = now()`;
}

/**
 * Conversations with a customer message this agent has not read (the tab title) — the same rule as
 * a row's unread count, so the title never counts a conversation whose row shows no badge (a
 * reaction moves last_inbound_at but is not a message). last_inbound_at narrows the candidates
 * first; each is then one probe of the (conversation_id, timestamp) index, and counting stops at
 * the cap (the title shows 99+), so an agent new to 10,000 conversations costs 100 probes, not 10,000.
 */
export async function countUnreadConversations({ db, userId }: { db: Db; userId: string }): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (
    SELECT 1
    FROM conversations c
    LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = ${userId}
    WHERE c.last_inbound_at IS NOT NULL AND (r.read_up_to IS NULL OR c.last_inbound_at > r.read_up_to)
      AND EXISTS (
        SELECT 1 FROM messages m
        WHERE m.conversation_id = c.id AND m.direction = 'inbound'
          AND m.timestamp > COALESCE(r.read_up_to, '-infinity'::timestamptz))
    LIMIT ${UNREAD_CAP}) AS capped`;
  return row?.count ?? 0;
}
