// Reading a session by its token in our own queries (lib/auth/session-cookie.ts says why): the
// rule of a live session is written here once.
import "server-only";
import { type Db, Prisma } from "./client";

/**
 * `sessions s` joined to its user `u`, for the token of a live session only: not expired, its user
 * not deactivated — what better-auth's getSession and getUserFromHeaders accept. For a FROM clause.
 * Expiry is judged by this server's clock, as better-auth judges it, not the database's.
 */
export function liveSessionOf(token: string): Prisma.Sql {
  return Prisma.sql`sessions s JOIN users u ON u.id = s.user_id AND u.banned IS NOT TRUE
    AND s.token = ${token} AND s.expires_at >= ${new Date().toISOString()}::timestamptz`;
}

export type LiveSessionUser = { id: string; email: string; name: string; role: string | null; expiresAt: Date };

/** The user of a live session (liveSessionOf) and when the session expires; null otherwise. One round trip. */
export async function getLiveSessionUser({ db, token }: { db: Db; token: string }): Promise<LiveSessionUser | null> {
  const rows = await db.$queryRaw<LiveSessionUser[]>`
    SELECT u.id, u.email, u.name, u.role, s.expires_at AS "expiresAt" FROM ${liveSessionOf(token)}`;
  return rows[0] ?? null;
}
