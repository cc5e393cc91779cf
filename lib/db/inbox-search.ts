import "server-only";
import { type Db, Prisma } from "./client";

export type InboxSearch = {
  /** A LIKE pattern: the search with its wildcards escaped, wrapped in %…%. */
  pattern: string;
  /** A LIKE pattern over the customer's number, or null when the search is not a number. */
  digitsPattern: string | null;
  /** Whether message text is searched too: only when the trigram index can narrow it down. */
  messages: boolean;
};

// The list order; conversations_activity_idx is on exactly this expression.
export const activity = Prisma.sql`COALESCE(c.last_message_at, c.created_at)`;

// The profile name and the team's name for the customer (each has a trigram index).
const contactMatch = (search: InboxSearch) =>
  search.digitsPattern
    ? Prisma.sql`(ct.profile_name ILIKE ${search.pattern} OR ct.name ILIKE ${search.pattern} OR ct.wa_id LIKE ${search.digitsPattern})`
    : Prisma.sql`(ct.profile_name ILIKE ${search.pattern} OR ct.name ILIKE ${search.pattern})`;

/**
 * Search over the whole list: name, number or message text. Message matches are collected once
 * through the trigram index on messages.text (a hashed subplan), never by scanning each
 * conversation's messages. Costs in proportion to how many messages match.
 */
export function searchCondition(search: InboxSearch): Prisma.Sql {
  const byContact = Prisma.sql`c.contact_id IN (SELECT ct.id FROM contacts ct WHERE ${contactMatch(search)})`;
  if (!search.messages) return byContact;
  return Prisma.sql`(${byContact}
    OR c.id IN (SELECT m.conversation_id FROM messages m WHERE m.text ILIKE ${search.pattern}))`;
}

// The first walk; below this share of matching conversations the trigram index is cheaper than
// walking on; and no walk looks at more conversations than this at once.
const FIRST_WALK = 100;
const MIN_HIT_RATE = 0.2;
const MAX_WALK = 500;

/**
 * Search, tried first: walk the conversations in list order and look into each one's own messages
 * (by the conversation index, stopping at the first hit). A common word fills a page after a few
 * dozen conversations, where the trigram index would have to collect every one of (possibly)
 * hundreds of thousands of matching messages. When the first walk shows the word is common enough,
 * one more walk sized from its hit rate continues where it stopped. Answers the page's ids (in list
 * order), or null when walking does not pay: the word is rare, searchCondition is the way.
 */
export async function findSearchPageByWalking({
  db,
  where,
  search,
  limit,
}: {
  db: Db;
  where: Prisma.Sql[];
  search: InboxSearch;
  limit: number;
}): Promise<string[] | null> {
  const found: string[] = [];
  let walked = 0;
  let size = Math.max(FIRST_WALK, limit * 2);
  let from: { at: Date; id: string } | null = null;
  for (let round = 0; round < 2; round += 1) {
    const walk = await walkConversations({ db, where, from, search, size, limit: limit - found.length });
    found.push(...walk.ids);
    walked += walk.walked;
    // A full page, or the end of the list: what the walks found is the answer.
    if (found.length >= limit || walk.walked < size || !walk.last) return found;
    const hitRate = found.length / walked;
    if (hitRate < MIN_HIT_RATE) return null;
    size = Math.min(MAX_WALK, Math.ceil(((limit - found.length) / hitRate) * 1.5));
    from = walk.last;
  }
  return null;
}

async function walkConversations({
  db,
  where,
  from,
  search,
  size,
  limit,
}: {
  db: Db;
  where: Prisma.Sql[];
  from: { at: Date; id: string } | null;
  search: InboxSearch;
  size: number;
  limit: number;
}): Promise<{ walked: number; ids: string[]; last: { at: Date; id: string } | null }> {
  const conditions = from
    ? [...where, Prisma.sql`(${activity}, c.id) < (${from.at.toISOString()}::timestamptz, ${from.id})`]
    : where;
  const whereSql = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  // COALESCE keeps the trigram index out of the per-conversation probe: rebuilding a bitmap of
  // every match for each walked conversation is what this path exists to avoid.
  const [row] = await db.$queryRaw<{ walked: number; last_at: Date | null; last_id: string | null; ids: string[] }[]>`
    WITH walk AS MATERIALIZED (
      SELECT c.id, c.contact_id, ${activity} AS at FROM conversations c ${whereSql}
      ORDER BY ${activity} DESC, c.id DESC
      LIMIT ${size}),
    last AS (SELECT at, id FROM walk ORDER BY at ASC, id ASC LIMIT 1)
    SELECT (SELECT count(*) FROM walk)::int AS walked,
      (SELECT at FROM last) AS last_at, (SELECT id FROM last) AS last_id,
      ARRAY(
        SELECT w.id FROM walk w
        JOIN contacts ct ON ct.id = w.contact_id
        LEFT JOIN LATERAL (
          SELECT true AS hit FROM messages m
          WHERE m.conversation_id = w.id AND COALESCE(m.text, '') ILIKE ${search.pattern}
          LIMIT 1) found ON true
        WHERE ${contactMatch(search)} OR found.hit
        ORDER BY w.at DESC, w.id DESC
        LIMIT ${limit}) AS ids`;
  if (!row) return { walked: 0, ids: [], last: null };
  return {
    walked: row.walked,
    ids: row.ids,
    last: row.last_at && row.last_id ? { at: row.last_at, id: row.last_id } : null,
  };
}
