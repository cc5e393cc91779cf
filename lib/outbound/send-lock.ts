import "server-only";
import pg from "pg";
import { OUTBOUND_CHANNEL } from "@/lib/db/outbound-sends";

/** One send worker at a time holds this lock: pacing is exact because one process does it. */
const LOCK_KEY = 7_236_401_223;

export type SendLock = {
  /** Resolves when the lock's connection is gone (the lock with it): stop sending. */
  lost: Promise<void>;
  release: () => Promise<void>;
};

/**
 * Tries to become the send worker: a session-level advisory lock on a connection of its own, which
 * also LISTENs for new sends. Null when another process holds it. Postgres frees the lock the
 * moment that connection ends, so a crashed worker's successor takes over within a poll.
 */
export async function tryAcquireSendLock({
  connectionString,
  onQueued,
}: {
  connectionString: string;
  onQueued: () => void;
}): Promise<SendLock | null> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  const lost = new Promise<void>((resolve) => {
    // Always listened for: an unhandled 'error' on a pg client would end the process.
    client.on("error", () => resolve());
    client.on("end", () => resolve());
  });
  const release = () => client.end().catch(() => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [LOCK_KEY]);
    if (!rows[0]?.locked) {
      await release();
      return null;
    }
    client.on("notification", () => onQueued());
    await client.query(`LISTEN ${OUTBOUND_CHANNEL}`);
    return { lost, release };
  } catch (error) {
    await release();
    throw error;
  }
}
