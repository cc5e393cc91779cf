import "server-only";
import { type Db, Prisma } from "./client";

/**
 * When a conversation's 24-hour customer service window closes, in SQL over `conversations c`:
 * 24 h after Meta's timestamp of the customer's last message, or earlier when Meta refused a send
 * with 131047 (its clock is the one that counts) — until the customer writes again.
 */
export const windowClosesAt = Prisma.sql`CASE
  WHEN c.last_inbound_at IS NULL THEN NULL
  WHEN c.window_closed_at IS NOT NULL AND c.window_closed_at >= c.last_inbound_at
    THEN LEAST(c.window_closed_at, c.last_inbound_at + interval '24 hours')
  ELSE c.last_inbound_at + interval '24 hours' END`;

/** Meta answered 131047: by its clock the window is closed now, whatever ours said. */
export async function closeServiceWindows({ db, conversationIds }: { db: Db; conversationIds: string[] }) {
  await db.$executeRaw`
    UPDATE conversations SET window_closed_at = now(), updated_at = now()
    WHERE id = ANY(${conversationIds}::text[])`;
}
