import "server-only";
import type { Db } from "./client";

/**
 * Counts one attempt against `key` in a fixed window and returns the count including it, in one
 * statement: concurrent attempts cannot all slip under the limit. A window older than `windowMs`
 * starts over at 1.
 */
export async function recordSignInAttempt({
  db,
  key,
  windowMs,
}: {
  db: Db;
  key: string;
  windowMs: number;
}): Promise<{ attempts: number; windowStart: Date }> {
  const rows = await db.$queryRaw<{ attempts: number; window_start: Date }[]>`
    INSERT INTO sign_in_throttles (key, attempts, window_start) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      attempts = CASE WHEN sign_in_throttles.window_start < now() - make_interval(secs => ${windowMs / 1000}::float8)
                      THEN 1 ELSE sign_in_throttles.attempts + 1 END,
      window_start = CASE WHEN sign_in_throttles.window_start < now() - make_interval(secs => ${windowMs / 1000}::float8)
                          THEN now() ELSE sign_in_throttles.window_start END
    RETURNING attempts, window_start`;
  const row = rows[0];
  if (!row) throw new Error("recordSignInAttempt: no row returned");
  return { attempts: row.attempts, windowStart: row.window_start };
}

export async function clearSignInAttempts({ db, key }: { db: Db; key: string }): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}

/** Gives one attempt back (a successful sign-in does not use up its address's allowance). */
export async function forgiveSignInAttempt({ db, key }: { db: Db; key: string }): Promise<void> {
  await db.$executeRaw`UPDATE sign_in_throttles SET attempts = GREATEST(attempts - 1, 0) WHERE key = ${key}`;
}
