import "server-only";
import { type Db, Prisma } from "./client";

/** Wakes the send worker on commit (LISTEN outbound_queued). */
export const OUTBOUND_CHANNEL = "outbound_queued";

export type OutboundKind = "message" | "reaction" | "read";

export type NewOutboundSend = {
  kind: OutboundKind;
  messageId: string | null;
  conversationId: string;
  phoneNumberId: string;
  recipientKey: string;
  payload: unknown;
  context: unknown;
};

/** Queues one request to Meta inside the caller's transaction; the worker hears of it on commit. */
export async function createOutboundSend({ db, send }: { db: Db; send: NewOutboundSend }): Promise<bigint> {
  const [row] = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO outbound_sends (kind, message_id, conversation_id, phone_number_id, recipient_key, payload, context)
    VALUES (${send.kind}, ${send.messageId}, ${send.conversationId}, ${send.phoneNumberId}, ${send.recipientKey},
            ${JSON.stringify(send.payload)}::jsonb, ${send.context === null ? null : JSON.stringify(send.context)}::jsonb)
    RETURNING id`;
  await db.$executeRaw`SELECT pg_notify(${OUTBOUND_CHANNEL}, '')`;
  return row!.id;
}

export type OpenOutboundSend = {
  id: bigint;
  kind: OutboundKind;
  messageId: string | null;
  conversationId: string;
  phoneNumberId: string;
  /** Meta's phone number id (the path of the request) and the number's pace. */
  metaPhoneNumberId: string;
  throughputPerSecond: number;
  recipientKey: string;
  payload: unknown;
  context: unknown;
  state: "queued" | "sending";
  attempts: number;
  notBefore: Date;
  startedAt: Date | null;
};

/** Queued and in-flight sends after `afterId`, oldest first (the order customers receive them in). */
export async function findOpenOutboundSends({
  db,
  afterId,
  limit,
}: {
  db: Db;
  afterId: bigint;
  limit: number;
}): Promise<OpenOutboundSend[]> {
  return selectOpenOutboundSends(db, Prisma.sql`s.id > ${afterId} ORDER BY s.id LIMIT ${limit}`);
}

/** Ids of the queued and in-flight sends up to `upToId` (to find one that committed late). */
export async function findOpenOutboundSendIds({ db, upToId }: { db: Db; upToId: bigint }): Promise<bigint[]> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM outbound_sends WHERE state IN ('queued', 'sending') AND id <= ${upToId}`;
  return rows.map((row) => row.id);
}

/** Those of `ids` still queued or in flight (a send that is over is absent). */
export async function findOpenOutboundSendsById({ db, ids }: { db: Db; ids: bigint[] }): Promise<OpenOutboundSend[]> {
  if (ids.length === 0) return [];
  return selectOpenOutboundSends(db, Prisma.sql`s.id = ANY(${ids.map(String)}::bigint[]) ORDER BY s.id`);
}

async function selectOpenOutboundSends(db: Db, where: Prisma.Sql): Promise<OpenOutboundSend[]> {
  const rows = await db.$queryRaw<
    {
      id: bigint;
      kind: OutboundKind;
      message_id: string | null;
      conversation_id: string;
      phone_number_id: string;
      meta_phone_number_id: string;
      throughput_per_second: number;
      recipient_key: string;
      payload: unknown;
      context: unknown;
      state: "queued" | "sending";
      attempts: number;
      not_before: Date;
      started_at: Date | null;
    }[]
  >`
    SELECT s.id, s.kind, s.message_id, s.conversation_id, s.phone_number_id, p.phone_number_id AS meta_phone_number_id,
           p.throughput_per_second, s.recipient_key, s.payload, s.context, s.state::text AS state, s.attempts,
           s.not_before, s.started_at
    FROM outbound_sends s JOIN phone_numbers p ON p.id = s.phone_number_id
    WHERE s.state IN ('queued', 'sending') AND ${where}`;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    messageId: row.message_id,
    conversationId: row.conversation_id,
    phoneNumberId: row.phone_number_id,
    metaPhoneNumberId: row.meta_phone_number_id,
    throughputPerSecond: row.throughput_per_second,
    recipientKey: row.recipient_key,
    payload: row.payload,
    context: row.context,
    state: row.state,
    attempts: row.attempts,
    notBefore: row.not_before,
    startedAt: row.started_at,
  }));
}

/**
 * The memoized step: marks sends as "the request may leave now" and commits before any request is
 * made. Whatever happens next — a crash, a timeout — a row in `sending` is never sent again
 * automatically. Returns the ids this call moved (a row someone else moved is skipped).
 */
export async function markOutboundSending({ db, ids }: { db: Db; ids: bigint[] }): Promise<Set<bigint>> {
  if (ids.length === 0) return new Set();
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    WITH moved AS (
      UPDATE outbound_sends SET state = 'sending', started_at = now(), attempts = attempts + 1
      WHERE id = ANY(${ids}::bigint[]) AND state = 'queued'
      RETURNING id, message_id
    ), messages_moved AS (
      UPDATE messages m SET send_state = 'sending' FROM moved WHERE m.id = moved.message_id
    )
    SELECT id FROM moved`;
  return new Set(rows.map((row) => row.id));
}

export type OutboundResult = {
  id: bigint;
  state: "queued" | "sent" | "failed" | "unknown";
  wamid: string | null;
  notBefore: Date | null;
  errorCode: number | null;
  errorTitle: string | null;
  errorDetails: string | null;
};

export type FinishedOutboundSend = {
  id: bigint;
  kind: OutboundKind;
  messageId: string | null;
  conversationId: string;
  state: OutboundResult["state"];
  wamid: string | null;
  context: unknown;
};

/**
 * Records what Meta answered for a batch of sends, and the messages' send state with it, in one
 * statement each. A definite answer also replaces "unknown" (a send another worker gave up on as
 * unknown after a takeover may still come back with its wamid).
 */
export async function finishOutboundSends({
  db,
  results,
}: {
  db: Db;
  results: OutboundResult[];
}): Promise<FinishedOutboundSend[]> {
  if (results.length === 0) return [];
  const column = <T>(pick: (result: OutboundResult) => T) => results.map(pick);
  const rows = await db.$queryRaw<
    {
      id: bigint;
      kind: OutboundKind;
      message_id: string | null;
      conversation_id: string;
      state: OutboundResult["state"];
      wamid: string | null;
      context: unknown;
    }[]
  >`
    UPDATE outbound_sends s SET
      state = v.state::send_state,
      wamid = COALESCE(v.wamid, s.wamid),
      not_before = COALESCE(v.not_before, s.not_before),
      finished_at = CASE WHEN v.state = 'queued' THEN NULL ELSE now() END,
      error_code = v.error_code, error_title = v.error_title, error_details = v.error_details
    FROM unnest(${column((r) => r.id.toString())}::bigint[], ${column((r) => r.state)}::text[],
                ${column((r) => r.wamid)}::text[], ${column((r) => r.notBefore?.toISOString() ?? null)}::timestamptz[],
                ${column((r) => r.errorCode)}::int[], ${column((r) => r.errorTitle)}::text[],
                ${column((r) => r.errorDetails)}::text[])
         AS v(id, state, wamid, not_before, error_code, error_title, error_details)
    WHERE s.id = v.id AND s.state IN ('sending', 'unknown')
    RETURNING s.id, s.kind, s.message_id, s.conversation_id, s.state::text AS state, s.wamid, s.context`;
  const messageRows = rows.filter((row) => row.kind === "message" && row.message_id !== null);
  if (messageRows.length > 0) {
    const pick = <T>(fn: (row: (typeof messageRows)[number]) => T) => messageRows.map(fn);
    await db.$executeRaw`
      UPDATE messages m SET
        send_state = v.state::send_state,
        wamid = COALESCE(v.wamid, m.wamid),
        status = CASE WHEN v.state = 'failed' THEN 'failed'::message_status
                      WHEN v.state = 'sent' THEN GREATEST(COALESCE(m.status, 'pending'), 'sent'::message_status)
                      ELSE m.status END,
        error_code = CASE WHEN v.state = 'failed' THEN s.error_code ELSE m.error_code END,
        error_title = CASE WHEN v.state = 'failed' THEN s.error_title ELSE m.error_title END,
        send_error_code = s.error_code, send_error_title = s.error_title, send_error_details = s.error_details
      FROM unnest(${pick((row) => row.message_id!)}::text[], ${pick((row) => row.state)}::text[],
                  ${pick((row) => row.wamid)}::text[], ${pick((row) => row.id.toString())}::bigint[])
           AS v(id, state, wamid, send_id)
      JOIN outbound_sends s ON s.id = v.send_id
      WHERE m.id = v.id`;
  }
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    messageId: row.message_id,
    conversationId: row.conversation_id,
    state: row.state,
    wamid: row.wamid,
    context: row.context,
  }));
}

/** Sends left in `sending` by a worker that is gone: their outcome is unknown from now on. */
export async function markStaleOutboundSendsUnknown({
  db,
  startedBefore,
  excludeIds,
}: {
  db: Db;
  startedBefore: Date;
  excludeIds: bigint[];
}): Promise<bigint[]> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    SELECT id FROM outbound_sends
    WHERE state = 'sending' AND started_at < ${startedBefore.toISOString()}::timestamptz
      AND NOT (id = ANY(${excludeIds.map(String)}::bigint[]))`;
  return rows.map((row) => row.id);
}

/** What was (or was to be) sent for a message: a retry sends the same request again. */
export async function getOutboundPayload({ db, messageId }: { db: Db; messageId: string }): Promise<unknown> {
  const [row] = await db.$queryRaw<{ payload: unknown }[]>`
    SELECT payload FROM outbound_sends WHERE message_id = ${messageId}`;
  return row?.payload ?? null;
}

/** Sends waiting for their turn, and how long the oldest has waited (the health page). */
export async function getOutboundBacklog({ db }: { db: Db }): Promise<{ queued: number; oldestQueuedAt: Date | null }> {
  const [row] = await db.$queryRaw<{ queued: bigint; oldest: Date | null }[]>`
    SELECT count(*) AS queued, min(created_at) AS oldest FROM outbound_sends WHERE state = 'queued'`;
  return { queued: Number(row?.queued ?? 0), oldestQueuedAt: row?.oldest ?? null };
}
