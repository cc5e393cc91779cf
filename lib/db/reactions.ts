import "server-only";
import type { Db } from "./client";

export type ReactionInput = {
  targetWamid: string;
  fromKey: string;
  direction: "inbound" | "outbound";
  emoji: string;
  wamid: string;
  timestamp: Date;
};

/**
 * One reaction per sender per message, latest by Meta's timestamp: a late retry of an older
 * reaction never overwrites a newer one, and an empty emoji (removal) is kept as such.
 * Returns whether the visible reaction changed.
 */
export async function upsertReaction({ db, reaction }: { db: Db; reaction: ReactionInput }): Promise<boolean> {
  const changed = await db.$executeRaw`
    INSERT INTO reactions (id, target_wamid, from_key, direction, emoji, wamid, timestamp, updated_at)
    VALUES (${`rx_${crypto.randomUUID()}`}, ${reaction.targetWamid}, ${reaction.fromKey},
            ${reaction.direction}::message_direction, ${reaction.emoji}, ${reaction.wamid}, ${reaction.timestamp}, now())
    ON CONFLICT (target_wamid, from_key) DO UPDATE
      SET emoji = EXCLUDED.emoji, wamid = EXCLUDED.wamid, timestamp = EXCLUDED.timestamp, updated_at = now()
      WHERE reactions.timestamp < EXCLUDED.timestamp
         OR (reactions.timestamp = EXCLUDED.timestamp AND reactions.wamid < EXCLUDED.wamid)`;
  return changed > 0;
}

/** Our current emoji on a message ("" when removed, null when we never reacted). */
export async function getOwnReaction({
  db,
  targetWamid,
  fromKey,
}: {
  db: Db;
  targetWamid: string;
  fromKey: string;
}): Promise<string | null> {
  const [row] = await db.$queryRaw<{ emoji: string }[]>`
    SELECT emoji FROM reactions WHERE target_wamid = ${targetWamid} AND from_key = ${fromKey}`;
  return row?.emoji ?? null;
}
