import "server-only";
import type { Db } from "./client";

/** Meta keeps an uploaded media id 30 days. */
const UPLOADED_MEDIA_LIFETIME = "30 days";

/**
 * An agent's file, already in our store: a `stored` media row, so the thread serves it at once from
 * /api/media/<message id>. `media_id` is empty until the send worker uploads it to Meta.
 */
export async function recordOutboundMedia({
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
  await db.$executeRaw`
    INSERT INTO media (message_id, media_id, state, sha256, mime_type, size, expires_at, stored_at, updated_at)
    VALUES (${messageId}, '', 'stored', ${sha256}, ${mimeType}, ${size},
            now() + ${UPLOADED_MEDIA_LIFETIME}::interval, now(), now())
    ON CONFLICT (message_id) DO NOTHING`;
}

/** A retry of an agent's file: the new message shows the same stored file. */
export async function copyOutboundMedia({ db, fromId, toId }: { db: Db; fromId: string; toId: string }): Promise<void> {
  await db.$executeRaw`
    INSERT INTO media (message_id, media_id, state, sha256, mime_type, size, expires_at, stored_at, updated_at)
    SELECT ${toId}, '', state, sha256, mime_type, size, now() + ${UPLOADED_MEDIA_LIFETIME}::interval, stored_at, now()
    FROM media WHERE message_id = ${fromId} AND state = 'stored'
    ON CONFLICT (message_id) DO NOTHING`;
}

/**
 * The id Meta gave this message's upload, kept so that a send Meta refused before accepting it
 * (130429, 131056…) and tries again names the same file instead of uploading it again. Meta keeps
 * an upload 30 days; the id is kept for 29.
 */
export async function recordUploadedMediaId({
  db,
  messageId,
  mediaId,
}: {
  db: Db;
  messageId: string;
  mediaId: string;
}): Promise<void> {
  await db.$executeRaw`
    UPDATE media SET media_id = ${mediaId}, expires_at = now() + ${UPLOADED_MEDIA_LIFETIME}::interval, updated_at = now()
    WHERE message_id = ${messageId}`;
}

/** The id of this message's earlier upload while Meta still holds it (a day to spare), else null. */
export async function getUploadedMediaId({ db, messageId }: { db: Db; messageId: string }): Promise<string | null> {
  const [row] = await db.$queryRaw<{ media_id: string }[]>`
    SELECT media_id FROM media
    WHERE message_id = ${messageId} AND media_id <> '' AND expires_at > now() + interval '1 day'`;
  return row?.media_id ?? null;
}
