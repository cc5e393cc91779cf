import "server-only";
import { type Db, Prisma } from "./client";

/** A stored message with what its bubble needs: the quoted message and current reactions. */
export type ThreadMessageRow = {
  id: string;
  wamid: string | null;
  conversation_id: string;
  direction: "inbound" | "outbound";
  type: string;
  text: string | null;
  content: unknown;
  timestamp: Date;
  timestamp_issue: string | null;
  forwarded: boolean;
  referral: unknown;
  errors: unknown;
  status: string | null;
  status_at: Date | null;
  error_code: number | null;
  error_title: string | null;
  reply_to_wamid: string | null;
  reply_id: string | null;
  reply_type: string | null;
  reply_text: string | null;
  reply_direction: "inbound" | "outbound" | null;
  /** The quoted message is one of our templates: its name (a quick-reply tap answers it). */
  reply_template_name: string | null;
  /** [{ emoji, direction }] of every sender whose reaction is not removed, oldest first. */
  reactions: { emoji: string; direction: "inbound" | "outbound" }[];
  author_kind: string | null;
  author_id: string | null;
  author_name: string | null;
  client_id: string | null;
  send_state: "queued" | "sending" | "sent" | "failed" | "unknown" | null;
  send_error_code: number | null;
  send_error_title: string | null;
  send_error_details: string | null;
  retry_of_id: string | null;
  retried_by_id: string | null;
  media_state: "pending" | "stored" | "failed" | null;
  media_mime_type: string | null;
  media_size: number | null;
  media_error: string | null;
  media_updated_at: Date | null;
};

/**
 * A page of a conversation's thread, newest first, strictly before the keyset `before`. The page is
 * cut from the (conversation_id, timestamp) index first; quotes and reactions are looked up for
 * its rows only (by wamid, both indexed).
 */
export async function findThreadMessageRows({
  db,
  conversationId,
  before,
  limit,
}: {
  db: Db;
  conversationId: string;
  before: { at: Date; id: string } | null;
  limit: number;
}): Promise<ThreadMessageRow[]> {
  // Spelled out (not a row comparison) so the timestamp bound is an index condition.
  const keyset = before
    ? Prisma.sql`AND m.timestamp <= ${before.at.toISOString()}::timestamptz
                 AND (m.timestamp < ${before.at.toISOString()}::timestamptz OR m.id < ${before.id})`
    : Prisma.empty;
  return selectMessages({
    db,
    page: Prisma.sql`
      SELECT m.* FROM messages m
      WHERE m.conversation_id = ${conversationId} ${keyset}
      ORDER BY m.timestamp DESC, m.id DESC
      LIMIT ${limit}`,
  });
}

export async function getThreadMessageRow({ db, id }: { db: Db; id: string }): Promise<ThreadMessageRow | null> {
  const [row] = await selectMessages({ db, page: Prisma.sql`SELECT m.* FROM messages m WHERE m.id = ${id}` });
  return row ?? null;
}

/** Exactly these messages (by id, or by wamid: the targets of changed reactions), those that exist. */
export async function findThreadMessageRowsByIds({
  db,
  ids,
  wamids,
}: {
  db: Db;
  ids: string[];
  wamids: string[];
}): Promise<ThreadMessageRow[]> {
  if (ids.length === 0 && wamids.length === 0) return [];
  return selectMessages({
    db,
    page: Prisma.sql`SELECT m.* FROM messages m WHERE m.id = ANY(${ids}::text[]) OR m.wamid = ANY(${wamids}::text[])`,
  });
}

async function selectMessages({ db, page }: { db: Db; page: Prisma.Sql }): Promise<ThreadMessageRow[]> {
  return db.$queryRaw<ThreadMessageRow[]>`
    SELECT m.id, m.wamid, m.conversation_id, m.direction::text AS direction, m.type, m.text, m.content,
           m.timestamp, m.timestamp_issue, m.forwarded, m.referral, m.errors, m.status::text AS status,
           m.status_at, m.error_code, m.error_title, m.reply_to_wamid,
           q.id AS reply_id, q.type AS reply_type, q.text AS reply_text, q.direction::text AS reply_direction,
           CASE WHEN q.type = 'template' THEN q.content->>'name' END AS reply_template_name,
           COALESCE(rx.reactions, '[]'::jsonb) AS reactions,
           m.author_kind, m.author_id, au.name AS author_name, m.client_id, m.send_state::text AS send_state,
           m.send_error_code, m.send_error_title, m.send_error_details, m.retry_of_id, rb.id AS retried_by_id,
           md.state::text AS media_state, md.mime_type AS media_mime_type, md.size AS media_size,
           md.error AS media_error, md.updated_at AS media_updated_at
    FROM (${page}) AS m
    LEFT JOIN media md ON md.message_id = m.id
    LEFT JOIN messages q ON q.wamid = m.reply_to_wamid
    LEFT JOIN users au ON au.id = m.author_id
    LEFT JOIN messages rb ON rb.retry_of_id = m.id
    LEFT JOIN LATERAL (
      SELECT jsonb_agg(jsonb_build_object('emoji', r.emoji, 'direction', r.direction) ORDER BY r.timestamp, r.id)
             AS reactions
      FROM reactions r WHERE r.target_wamid = m.wamid AND r.emoji <> '') rx ON true
    ORDER BY m.timestamp DESC, m.id DESC`;
}
