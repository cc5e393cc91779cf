import "server-only";
import { WEBHOOK_MESSAGE_STATUSES } from "@/lib/views/inbox";
import type { Db } from "./client";

export type NewMessage = {
  wamid: string;
  conversationId: string;
  direction: "inbound" | "outbound";
  type: string;
  text: string | null;
  content: unknown;
  timestamp: Date;
  timestampIssue: string | null;
  replyToWamid: string | null;
  forwarded: boolean;
  referral: unknown;
  errors: unknown;
  status: "pending" | null;
  rawEventId: bigint | null;
};

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * Inserts messages whose wamid is not stored yet, in one statement. The unique index decides, so
 * retries in parallel requests (or repeated inside one payload) still yield one row each. Returns
 * only the rows this call created.
 */
export async function createMessagesIfNew({
  db,
  messages,
}: {
  db: Db;
  messages: NewMessage[];
}): Promise<{ id: string; wamid: string; conversationId: string }[]> {
  if (messages.length === 0) return [];
  const column = <T>(pick: (message: NewMessage) => T) => messages.map(pick);
  const rows = await db.$queryRaw<{ id: string; wamid: string; conversation_id: string }[]>`
    INSERT INTO messages (id, wamid, conversation_id, direction, type, text, content, timestamp, timestamp_issue,
                          reply_to_wamid, forwarded, referral, errors, status, raw_event_id)
    SELECT 'msg_' || gen_random_uuid(), v.wamid, v.conversation_id, v.direction::message_direction, v.type, v.text,
           v.content::jsonb, v.timestamp, v.timestamp_issue, v.reply_to_wamid, v.forwarded, v.referral::jsonb, v.errors::jsonb,
           v.status::message_status, v.raw_event_id
    FROM unnest(${column((m) => m.wamid)}::text[], ${column((m) => m.conversationId)}::text[],
                ${column((m) => m.direction)}::text[], ${column((m) => m.type)}::text[], ${column((m) => m.text)}::text[],
                ${column((m) => json(m.content))}::text[], ${column((m) => m.timestamp.toISOString())}::timestamptz[],
                ${column((m) => m.timestampIssue)}::text[], ${column((m) => m.replyToWamid)}::text[],
                ${column((m) => m.forwarded)}::boolean[],
                ${column((m) => json(m.referral))}::text[], ${column((m) => json(m.errors))}::text[],
                ${column((m) => m.status)}::text[], ${column((m) => m.rawEventId?.toString() ?? null)}::bigint[])
         AS v(wamid, conversation_id, direction, type, text, content, timestamp, timestamp_issue, reply_to_wamid, forwarded,
              referral, errors, status, raw_event_id)
    ON CONFLICT (wamid) DO NOTHING
    RETURNING id, wamid, conversation_id`;
  return rows.map((row) => ({ id: row.id, wamid: row.wamid, conversationId: row.conversation_id }));
}

export type MessageStatusChange = {
  id: string;
  wamid: string;
  conversationId: string;
  status: string;
  statusAt: Date | null;
  errorCode: number | null;
  errorTitle: string | null;
};

/**
 * Derives outbound messages' ticks from every status event stored for them: the highest status in
 * the order of MESSAGE_STATUSES (the enum's order), whatever order
 * the webhooks came in. Because it is a maximum over a growing set it can never go backwards, and a
 * status stored before its message existed applies as soon as the message is created.
 */
export async function refreshMessageStatuses({
  db,
  wamids,
}: {
  db: Db;
  wamids: string[];
}): Promise<MessageStatusChange[]> {
  if (wamids.length === 0) return [];
  const rows = await db.$queryRaw<
    {
      id: string;
      wamid: string;
      conversation_id: string;
      status: string;
      status_at: Date | null;
      error_code: number | null;
      error_title: string | null;
    }[]
  >`
    WITH best AS (
      SELECT DISTINCT ON (wamid) wamid, status::message_status AS status, timestamp
      FROM status_events
      WHERE wamid = ANY(${wamids}::text[]) AND status = ANY(${WEBHOOK_MESSAGE_STATUSES}::text[])
      ORDER BY wamid, status::message_status DESC, timestamp ASC
    ), failure AS (
      SELECT DISTINCT ON (wamid) wamid, error_code, error_title
      FROM status_events WHERE wamid = ANY(${wamids}::text[]) AND status = 'failed'
      ORDER BY wamid, timestamp DESC
    )
    UPDATE messages m SET
      status = best.status, status_at = best.timestamp,
      error_code = failure.error_code, error_title = failure.error_title
    FROM best LEFT JOIN failure ON failure.wamid = best.wamid
    WHERE m.wamid = best.wamid AND m.direction = 'outbound'
      AND (m.status IS NULL OR m.status < best.status
           OR (m.status = best.status AND m.status_at IS DISTINCT FROM best.timestamp)
           OR m.error_code IS DISTINCT FROM failure.error_code)
      AND (m.status IS NULL OR m.status <= best.status)
    RETURNING m.id, m.wamid, m.conversation_id, m.status::text AS status, m.status_at, m.error_code, m.error_title`;
  return rows.map((row) => ({
    id: row.id,
    wamid: row.wamid,
    conversationId: row.conversation_id,
    status: row.status,
    statusAt: row.status_at,
    errorCode: row.error_code,
    errorTitle: row.error_title,
  }));
}
