import "server-only";
import type { Db } from "./client";
import { windowClosesAt } from "./service-window";

/** Everything a send needs about its conversation, with the row locked until the transaction ends. */
export type SendTarget = {
  conversationId: string;
  assigneeId: string | null;
  windowClosesAt: Date | null;
  phoneNumberId: string;
  contactId: string;
  waId: string | null;
  userId: string | null;
  readReceiptWamid: string | null;
  typingSentAt: Date | null;
  /** The customer's newest message (what a read receipt marks read, covering the earlier ones). */
  newestInboundWamid: string | null;
};

/**
 * Locks the conversation (sends to one conversation are recorded one at a time: assignment and
 * idempotency checks see each other) and reads what a send needs. Null when it does not exist.
 */
export async function lockSendTarget({ db, conversationId }: { db: Db; conversationId: string }) {
  const [row] = await db.$queryRaw<
    {
      id: string;
      assignee_id: string | null;
      window_closes_at: Date | null;
      phone_number_id: string;
      contact_id: string;
      wa_id: string | null;
      user_id: string | null;
      read_receipt_wamid: string | null;
      typing_sent_at: Date | null;
      newest_inbound_wamid: string | null;
    }[]
  >`
    SELECT c.id, c.assignee_id, ${windowClosesAt} AS window_closes_at, c.phone_number_id, c.contact_id,
           ct.wa_id, ct.user_id, c.read_receipt_wamid, c.typing_sent_at,
           (SELECT m.wamid FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'inbound'
              AND m.wamid IS NOT NULL ORDER BY m.timestamp DESC, m.id DESC LIMIT 1) AS newest_inbound_wamid
    FROM conversations c JOIN contacts ct ON ct.id = c.contact_id
    WHERE c.id = ${conversationId}
    FOR UPDATE OF c`;
  if (!row) return null;
  return {
    conversationId: row.id,
    assigneeId: row.assignee_id,
    windowClosesAt: row.window_closes_at,
    phoneNumberId: row.phone_number_id,
    contactId: row.contact_id,
    waId: row.wa_id,
    userId: row.user_id,
    readReceiptWamid: row.read_receipt_wamid,
    typingSentAt: row.typing_sent_at,
    newestInboundWamid: row.newest_inbound_wamid,
  } satisfies SendTarget;
}

export type MessageRef = {
  id: string;
  conversationId: string;
  wamid: string | null;
  direction: "inbound" | "outbound";
  type: string;
  text: string | null;
  content: unknown;
  replyToWamid: string | null;
  sendState: string | null;
  authorId: string | null;
  clientId: string | null;
};

const refColumns = (row: {
  id: string;
  conversation_id: string;
  wamid: string | null;
  direction: "inbound" | "outbound";
  type: string;
  text: string | null;
  content: unknown;
  reply_to_wamid: string | null;
  send_state: string | null;
  author_id: string | null;
  client_id: string | null;
}): MessageRef => ({
  id: row.id,
  conversationId: row.conversation_id,
  wamid: row.wamid,
  direction: row.direction,
  type: row.type,
  text: row.text,
  content: row.content,
  replyToWamid: row.reply_to_wamid,
  sendState: row.send_state,
  authorId: row.author_id,
  clientId: row.client_id,
});

type RefRow = Parameters<typeof refColumns>[0];

export async function getMessageRef({ db, id }: { db: Db; id: string }): Promise<MessageRef | null> {
  const [row] = await db.$queryRaw<RefRow[]>`
    SELECT id, conversation_id, wamid, direction::text AS direction, type, text, content, reply_to_wamid,
           send_state::text AS send_state, author_id, client_id
    FROM messages WHERE id = ${id}`;
  return row ? refColumns(row) : null;
}

/** The message this sender recorded with this client id, if any (idempotent POST). */
export async function getMessageByClientId({
  db,
  authorId,
  clientId,
}: {
  db: Db;
  authorId: string;
  clientId: string;
}): Promise<MessageRef | null> {
  const [row] = await db.$queryRaw<RefRow[]>`
    SELECT id, conversation_id, wamid, direction::text AS direction, type, text, content, reply_to_wamid,
           send_state::text AS send_state, author_id, client_id
    FROM messages WHERE author_id = ${authorId} AND client_id = ${clientId}`;
  return row ? refColumns(row) : null;
}

export type NewOutboundMessage = {
  conversationId: string;
  type: string;
  text: string | null;
  content: unknown;
  replyToWamid: string | null;
  authorKind: "agent" | "system";
  authorId: string | null;
  clientId: string | null;
  retryOfId: string | null;
};

/** Records our message before anything is sent: no wamid yet, tick pending, send state queued. */
export async function createOutboundMessage({
  db,
  message,
}: {
  db: Db;
  message: NewOutboundMessage;
}): Promise<{ id: string; timestamp: Date }> {
  const [row] = await db.$queryRaw<{ id: string; timestamp: Date }[]>`
    INSERT INTO messages (id, wamid, conversation_id, direction, type, text, content, timestamp, reply_to_wamid,
                          status, author_kind, author_id, client_id, send_state, retry_of_id)
    VALUES ('msg_' || gen_random_uuid(), NULL, ${message.conversationId}, 'outbound', ${message.type}, ${message.text},
            ${JSON.stringify(message.content)}::jsonb, now(), ${message.replyToWamid}, 'pending', ${message.authorKind},
            ${message.authorId}, ${message.clientId}, 'queued', ${message.retryOfId})
    RETURNING id, timestamp`;
  return row!;
}

/** After a reply: the conversation moves up the list and, unassigned, goes to whoever answered. */
export async function touchAfterSend({
  db,
  conversationId,
  at,
  assignTo,
}: {
  db: Db;
  conversationId: string;
  at: Date;
  assignTo: string | null;
}): Promise<void> {
  await db.$executeRaw`
    UPDATE conversations SET last_message_at = GREATEST(last_message_at, ${at}),
      assignee_id = COALESCE(assignee_id, ${assignTo}), updated_at = now()
    WHERE id = ${conversationId}`;
}

/** A read receipt (and typing indicator) went out for this customer message now. */
export async function recordReadReceipt({
  db,
  conversationId,
  wamid,
  typing,
}: {
  db: Db;
  conversationId: string;
  wamid: string;
  typing: boolean;
}): Promise<void> {
  await db.$executeRaw`
    UPDATE conversations SET read_receipt_wamid = ${wamid},
      typing_sent_at = CASE WHEN ${typing} THEN now() ELSE typing_sent_at END
    WHERE id = ${conversationId}`;
}

/** The message that sent this one again, if any. */
export async function getRetryOf({ db, messageId }: { db: Db; messageId: string }): Promise<string | null> {
  const [row] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM messages WHERE retry_of_id = ${messageId}`;
  return row?.id ?? null;
}

/** Echoes of the WhatsApp Business app: sent (Meta echoes only what left), by the app, not an agent. */
export async function markMessagesFromBusinessApp({ db, ids }: { db: Db; ids: string[] }): Promise<void> {
  await db.$executeRaw`
    UPDATE messages SET author_kind = 'business_app', send_state = 'sent',
      status = GREATEST(COALESCE(status, 'pending'), 'sent'::message_status)
    WHERE id = ANY(${ids}::text[])`;
}
