import "server-only";
import type { Db, PrismaClient } from "./client";

/** A new link for this user; the ones before it stop working (the latest link is the one that counts). */
export async function createPasswordResetToken({
  db,
  userId,
  tokenHash,
  expiresAt,
  createdById,
}: {
  db: Db;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  createdById: string | null;
}): Promise<void> {
  await db.passwordResetToken.deleteMany({ where: { userId, usedAt: null } });
  await db.passwordResetToken.create({ data: { userId, tokenHash, expiresAt, createdById } });
}

/** The user a token still resets (not used, not expired), or null. Does not use it up. */
export async function getUsablePasswordResetToken({
  db,
  tokenHash,
}: {
  db: Db;
  tokenHash: string;
}): Promise<{ userId: string; expiresAt: Date } | null> {
  return db.passwordResetToken.findFirst({
    where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
    select: { userId: true, expiresAt: true },
  });
}

/**
 * Uses a token up, atomically: of two requests with the same token only one gets the user id back.
 */
export async function consumePasswordResetToken({
  db,
  tokenHash,
}: {
  db: Db;
  tokenHash: string;
}): Promise<string | null> {
  const rows = await db.$queryRaw<{ user_id: string }[]>`
    UPDATE password_reset_tokens SET used_at = now()
    WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > now()
    RETURNING user_id`;
  return rows[0]?.user_id ?? null;
}

/**
 * Like createPasswordResetToken, unless this user got a link less than `minIntervalMs` ago; answers
 * whether it made one. The user's row is locked meanwhile, so of simultaneous requests one wins.
 */
export async function createPasswordResetTokenUnlessRecent({
  db,
  minIntervalMs,
  ...token
}: {
  db: PrismaClient;
  userId: string;
  tokenHash: string;
  expiresAt: Date;
  createdById: string | null;
  minIntervalMs: number;
}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${token.userId} FOR UPDATE`;
    const latest = await tx.passwordResetToken.findFirst({
      where: { userId: token.userId, createdAt: { gt: new Date(Date.now() - minIntervalMs) } },
      select: { id: true },
    });
    if (latest) return false;
    await createPasswordResetToken({ db: tx, ...token });
    return true;
  });
}
