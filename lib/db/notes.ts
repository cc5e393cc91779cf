import "server-only";
import type { Db } from "./client";

// Private notes are rows of `messages` (direction outbound, type and author_kind "note"): they page
// with the thread on the same (conversation_id, timestamp) index, in order with the messages, and
// no send job is ever recorded for them. Their mentions live in note_mentions.

/** Records a note; it has no wamid, no tick and no send state: nothing about it goes to Meta. */
export async function createNoteMessage({
  db,
  conversationId,
  authorId,
  clientId,
  text,
}: {
  db: Db;
  conversationId: string;
  authorId: string;
  clientId: string;
  text: string;
}): Promise<{ id: string; timestamp: Date }> {
  const [row] = await db.$queryRaw<{ id: string; timestamp: Date }[]>`
    INSERT INTO messages (id, conversation_id, direction, type, text, timestamp, author_kind, author_id, client_id)
    VALUES ('note_' || gen_random_uuid(), ${conversationId}, 'outbound', 'note', ${text}, now(), 'note',
            ${authorId}, ${clientId})
    RETURNING id, timestamp`;
  return row!;
}

export async function createNoteMentions({
  db,
  messageId,
  conversationId,
  userIds,
}: {
  db: Db;
  messageId: string;
  conversationId: string;
  userIds: string[];
}): Promise<void> {
  if (userIds.length === 0) return;
  await db.noteMention.createMany({
    data: userIds.map((userId) => ({ messageId, conversationId, userId })),
    skipDuplicates: true,
  });
}

/** This user opened the conversation: their mentions in it are read. Returns how many were unread. */
export async function markMentionsRead({
  db,
  userId,
  conversationId,
}: {
  db: Db;
  userId: string;
  conversationId: string;
}): Promise<number> {
  const { count } = await db.noteMention.updateMany({
    where: { userId, conversationId, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}

/** Conversations where this user has an unread mention (the "Mentions" tab's count). */
export async function countUnreadMentionConversations({ db, userId }: { db: Db; userId: string }): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(DISTINCT conversation_id)::int AS count FROM note_mentions
    WHERE user_id = ${userId} AND read_at IS NULL`;
  return row?.count ?? 0;
}
