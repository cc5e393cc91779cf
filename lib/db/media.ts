import "server-only";
import { MEDIA_TYPES } from "@/lib/views/message-body";
import { type Db, Prisma } from "./client";
import { liveSessionOf } from "./sessions";

/** How long Meta keeps a media id from a webhook. */
export const MEDIA_ID_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A download job for each of these messages that is an inbound media message with a media id, in
 * one statement (the batch's transaction). Returns the message ids that got one.
 */
export async function createMediaDownloads({ db, messageIds }: { db: Db; messageIds: string[] }): Promise<string[]> {
  if (messageIds.length === 0) return [];
  const rows = await db.$queryRaw<{ message_id: string }[]>`
    INSERT INTO media (message_id, media_id, webhook_sha256, expires_at, updated_at)
    SELECT m.id, m.content->>'id', m.content->>'sha256', m.timestamp + interval '7 days', now()
    FROM messages m
    WHERE m.id = ANY(${messageIds}::text[]) AND m.direction = 'inbound'
      AND m.type = ANY(${[...MEDIA_TYPES]}::text[]) AND jsonb_typeof(m.content->'id') = 'string'
    ON CONFLICT (message_id) DO NOTHING
    RETURNING message_id`;
  return rows.map((row) => row.message_id);
}

export type MediaJob = {
  messageId: string;
  conversationId: string;
  mediaId: string;
  webhookSha256: string | null;
  attempts: number;
  expiresAt: Date;
  /** A document's file name, from the message. */
  filename: string | null;
};

/**
 * Claims due downloads for `leaseMs` (FOR UPDATE SKIP LOCKED, so processes share the work and a
 * crashed download is claimed again when its lease runs out).
 */
export async function claimDueMedia({
  db,
  limit,
  leaseMs,
  now,
}: {
  db: Db;
  limit: number;
  leaseMs: number;
  /** The database's clock unless given (rows are stamped with it: app servers' clocks may differ). */
  now?: Date;
}): Promise<MediaJob[]> {
  const at = Prisma.sql`coalesce(${now ?? null}::timestamptz, now())`;
  const rows = await db.$queryRaw<
    {
      message_id: string;
      conversation_id: string;
      media_id: string;
      webhook_sha256: string | null;
      attempts: number;
      expires_at: Date;
      filename: string | null;
    }[]
  >`
    WITH due AS (
      SELECT message_id FROM media
      WHERE state = 'pending' AND not_before <= ${at}
        AND (locked_until IS NULL OR locked_until <= ${at})
      ORDER BY not_before
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE media md SET locked_until = ${at} + ${leaseMs} * interval '1 millisecond', attempts = md.attempts + 1,
                        updated_at = now()
    FROM due, messages m
    WHERE md.message_id = due.message_id AND m.id = md.message_id
    RETURNING md.message_id, m.conversation_id, md.media_id, md.webhook_sha256, md.attempts, md.expires_at,
              m.content->>'filename' AS filename`;
  return rows.map((row) => ({
    messageId: row.message_id,
    conversationId: row.conversation_id,
    mediaId: row.media_id,
    webhookSha256: row.webhook_sha256,
    attempts: row.attempts,
    expiresAt: row.expires_at,
    filename: row.filename,
  }));
}

export async function markMediaStored({
  db,
  messageId,
  sha256,
  mimeType,
  size,
}: {
  db: Db;
  messageId: string;
  sha256: string;
  mimeType: string;
  size: number;
}): Promise<void> {
  await db.media.update({
    where: { messageId },
    data: {
      state: "stored",
      sha256,
      mimeType,
      size,
      error: null,
      lockedUntil: null,
      waitingForToken: false,
      storedAt: new Date(),
    },
  });
}

/** A failed attempt: tried again in `retryInMs` (by the database's clock), or for good (null) with the reason shown. */
export async function markMediaAttemptFailed({
  db,
  messageId,
  error,
  retryInMs,
  waitingForToken = false,
}: {
  db: Db;
  messageId: string;
  error: string;
  retryInMs: number | null;
  waitingForToken?: boolean;
}): Promise<void> {
  await db.$executeRaw`
    UPDATE media
    SET state = ${retryInMs === null ? "failed" : "pending"}::media_state, error = ${error}, locked_until = NULL,
        waiting_for_token = ${waitingForToken},
        not_before = CASE WHEN ${retryInMs}::integer IS NULL THEN not_before
                          ELSE now() + ${retryInMs}::integer * interval '1 millisecond' END,
        updated_at = now()
    WHERE message_id = ${messageId}`;
}

/** Downloads that waited for an access token (none, or an invalid one) are due now. */
export async function wakeMediaWaitingForToken({
  db,
}: {
  db: Db;
}): Promise<{ messageId: string; conversationId: string }[]> {
  const rows = await db.$queryRaw<{ message_id: string; conversation_id: string }[]>`
    UPDATE media md SET waiting_for_token = false, not_before = now(), attempts = 0, updated_at = now()
    FROM messages m
    WHERE md.waiting_for_token AND md.state = 'pending' AND m.id = md.message_id
    RETURNING md.message_id, m.conversation_id`;
  return rows.map((row) => ({ messageId: row.message_id, conversationId: row.conversation_id }));
}

/** An agent's retry of a failed download: pending again at once, with a fresh count of attempts. */
export async function resetMediaDownload({
  db,
  messageId,
}: {
  db: Db;
  messageId: string;
}): Promise<{ conversationId: string; state: string } | null> {
  const rows = await db.$queryRaw<{ conversation_id: string; state: string }[]>`
    UPDATE media md
    SET state = CASE WHEN md.state = 'stored' THEN md.state ELSE 'pending' END,
        attempts = CASE WHEN md.state = 'stored' THEN md.attempts ELSE 0 END,
        not_before = CASE WHEN md.state = 'stored' THEN md.not_before ELSE now() END,
        waiting_for_token = false, updated_at = now()
    FROM messages m
    WHERE md.message_id = ${messageId} AND m.id = md.message_id
    RETURNING m.conversation_id, md.state::text AS state`;
  const row = rows[0];
  return row ? { conversationId: row.conversation_id, state: row.state } : null;
}

export type StoredMediaFile = {
  sha256: string;
  mimeType: string;
  size: number;
  type: string;
  filename: string | null;
};

/**
 * Whether `sessionToken` names a live session (liveSessionOf: not expired, its user not deactivated)
 * and, for such a caller only, the message's stored file (null while it is not stored, or for an
 * unknown id). One round trip: GET /api/media/<id> asks this for every photo in a thread.
 */
export async function getStoredMediaForSession({
  db,
  sessionToken,
  messageId,
}: {
  db: Db;
  sessionToken: string;
  messageId: string;
}): Promise<{ signedIn: false } | { signedIn: true; file: StoredMediaFile | null }> {
  const rows = await db.$queryRaw<
    {
      sha256: string | null;
      mime_type: string | null;
      size: number | null;
      type: string | null;
      filename: string | null;
    }[]
  >`
    SELECT md.sha256, md.mime_type, md.size, m.type, m.content->>'filename' AS filename
    FROM ${liveSessionOf(sessionToken)}
    LEFT JOIN (media md JOIN messages m ON m.id = md.message_id)
      ON md.message_id = ${messageId} AND md.state = 'stored'`;
  const row = rows[0];
  if (!row) return { signedIn: false };
  if (row.sha256 === null || row.mime_type === null || row.size === null || row.type === null) {
    return { signedIn: true, file: null };
  }
  return {
    signedIn: true,
    file: { sha256: row.sha256, mimeType: row.mime_type, size: row.size, type: row.type, filename: row.filename },
  };
}
