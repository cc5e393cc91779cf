import "server-only";
import { type Db, Prisma } from "./client";

/** One conversation as the inbox list shows it, for one agent (their unread count). */
export type InboxConversationRow = {
  id: string;
  status: "open" | "pending" | "resolved";
  activity_at: Date;
  last_message_at: Date | null;
  last_inbound_at: Date | null;
  contact_id: string;
  contact_name: string | null;
  contact_wa_id: string | null;
  contact_user_id: string | null;
  contact_username: string | null;
  phone_id: string;
  phone_display: string | null;
  phone_name: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  assignee_role: string | null;
  last_type: string | null;
  last_text: string | null;
  last_direction: "inbound" | "outbound" | null;
  last_status: string | null;
  unread_count: number;
};

export type InboxConversationFilters = {
  status: "open" | "pending" | "resolved" | "all";
  /** "mine" needs `userId`. */
  assignee: "all" | "mine" | "unassigned";
  phoneNumberId: string | null;
  search: InboxSearch | null;
};

export type InboxSearch = {
  /** A LIKE pattern: the search with its wildcards escaped, wrapped in %…%. */
  pattern: string;
  /** A LIKE pattern over the customer's number, or null when the search is not a number. */
  digitsPattern: string | null;
  /** Whether message text is searched too (a trigram index cannot serve 1–2 characters). */
  messages: boolean;
};

/** Unread inbound messages are counted up to this cap (the list shows "99+"). */
export const UNREAD_CAP = 100;

// The list order; conversations_activity_idx is on exactly this expression.
const activity = Prisma.sql`COALESCE(c.last_message_at, c.created_at)`;

/**
 * A page of the inbox list, newest activity first, after the keyset `after` (exclusive). Filters
 * and the keyset narrow `conversations` through its activity index first; only the page's rows get
 * their contact, number, assignee, newest message and unread count (LATERAL, one index probe each).
 */
export async function findInboxConversations({
  db,
  userId,
  filters,
  after,
  limit,
}: {
  db: Db;
  userId: string;
  filters: InboxConversationFilters;
  after: { at: Date; id: string } | null;
  limit: number;
}): Promise<InboxConversationRow[]> {
  const where: Prisma.Sql[] = [];
  if (filters.status !== "all") where.push(Prisma.sql`c.status = ${filters.status}::conversation_status`);
  if (filters.assignee === "mine") where.push(Prisma.sql`c.assignee_id = ${userId}`);
  if (filters.assignee === "unassigned") where.push(Prisma.sql`c.assignee_id IS NULL`);
  if (filters.phoneNumberId) where.push(Prisma.sql`c.phone_number_id = ${filters.phoneNumberId}`);
  if (after) where.push(Prisma.sql`(${activity}, c.id) < (${after.at.toISOString()}::timestamptz, ${after.id})`);
  const { search } = filters;
  if (search?.messages) {
    const ids = await searchRecentConversations({ db, where, search, limit });
    if (ids) return selectRows({ db, userId, page: Prisma.sql`SELECT unnest(${ids}::text[]) AS id` });
  }
  if (search) where.push(searchCondition(search));
  const whereSql = where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
  return selectRows({
    db,
    userId,
    page: Prisma.sql`
      SELECT c.id FROM conversations c ${whereSql}
      ORDER BY ${activity} DESC, c.id DESC
      LIMIT ${limit}`,
  });
}

/** Exactly these conversations (those that exist), in list order. */
export async function findInboxConversationsByIds({
  db,
  userId,
  ids,
}: {
  db: Db;
  userId: string;
  ids: string[];
}): Promise<InboxConversationRow[]> {
  if (ids.length === 0) return [];
  return selectRows({
    db,
    userId,
    page: Prisma.sql`SELECT c.id FROM conversations c WHERE c.id = ANY(${ids}::text[])`,
  });
}

const contactMatch = (search: InboxSearch) =>
  search.digitsPattern
    ? Prisma.sql`(ct.profile_name ILIKE ${search.pattern} OR ct.wa_id LIKE ${search.digitsPattern})`
    : Prisma.sql`ct.profile_name ILIKE ${search.pattern}`;

/**
 * Search, first try: walk the next few hundred conversations in list order and look into each
 * one's own messages (by the conversation index, stopping at the first hit). A common word fills a
 * page here in a few milliseconds, where collecting its matches through the trigram index would
 * touch every one of (possibly) hundreds of thousands of messages. Answers the page's ids, or null
 * when the walk found less than a page before its end (the word is rare: the index is the way).
 */
async function searchRecentConversations({
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
  const walk = Math.max(100, limit * 2);
  const whereSql = where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
  // COALESCE keeps the trigram index out of the per-conversation probe: rebuilding a bitmap of
  // every match for each walked conversation is what this path exists to avoid.
  const [row] = await db.$queryRaw<{ walked: number; ids: string[] }[]>`
    WITH walk AS MATERIALIZED (
      SELECT c.id, c.contact_id, ${activity} AS at FROM conversations c ${whereSql}
      ORDER BY ${activity} DESC, c.id DESC
      LIMIT ${walk})
    SELECT (SELECT count(*) FROM walk)::int AS walked,
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
  if (!row) return null;
  return row.ids.length >= limit || row.walked < walk ? row.ids : null;
}

/**
 * Search, second try: name, number or message text over the whole list. Message matches are
 * collected once through the trigram index on messages.text (a hashed subplan), never by scanning
 * each conversation's messages.
 */
function searchCondition(search: InboxSearch): Prisma.Sql {
  const byContact = Prisma.sql`c.contact_id IN (SELECT ct.id FROM contacts ct WHERE ${contactMatch(search)})`;
  if (!search.messages) return byContact;
  return Prisma.sql`(${byContact}
    OR c.id IN (SELECT m.conversation_id FROM messages m WHERE m.text ILIKE ${search.pattern}))`;
}

async function selectRows({ db, userId, page }: { db: Db; userId: string; page: Prisma.Sql }) {
  const rows = await db.$queryRaw<InboxConversationRow[]>`
    SELECT c.id, c.status::text AS status, ${activity} AS activity_at, c.last_message_at, c.last_inbound_at,
           ct.id AS contact_id, ct.profile_name AS contact_name, ct.wa_id AS contact_wa_id,
           ct.user_id AS contact_user_id, ct.username AS contact_username,
           pn.id AS phone_id, pn.display_phone_number AS phone_display, pn.name AS phone_name,
           u.id AS assignee_id, u.name AS assignee_name, u.role AS assignee_role,
           lm.type AS last_type, lm.text AS last_text, lm.direction::text AS last_direction,
           lm.status::text AS last_status, unread.count AS unread_count
    FROM (${page}) AS p
    JOIN conversations c ON c.id = p.id
    JOIN contacts ct ON ct.id = c.contact_id
    JOIN phone_numbers pn ON pn.id = c.phone_number_id
    LEFT JOIN users u ON u.id = c.assignee_id
    LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = ${userId}
    LEFT JOIN LATERAL (
      SELECT m.type, m.text, m.direction, m.status FROM messages m
      WHERE m.conversation_id = c.id
      ORDER BY m.timestamp DESC, m.id DESC LIMIT 1) lm ON true
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count FROM (
        SELECT 1 FROM messages m
        WHERE m.conversation_id = c.id AND m.direction = 'inbound'
          AND m.timestamp > COALESCE(r.read_up_to, '-infinity'::timestamptz)
        LIMIT ${UNREAD_CAP}) AS capped) unread
    ORDER BY ${activity} DESC, c.id DESC`;
  return rows;
}

/** Whether the conversation exists (a cheap primary-key probe). */
export async function conversationExists({ db, id }: { db: Db; id: string }): Promise<boolean> {
  return (await db.conversation.count({ where: { id } })) > 0;
}

/** Sets state and/or assignee; null when there is no such conversation. */
export async function updateConversationFields({
  db,
  id,
  status,
  assigneeId,
}: {
  db: Db;
  id: string;
  status?: "open" | "pending" | "resolved";
  assigneeId?: string | null;
}): Promise<{ id: string } | null> {
  const { count } = await db.conversation.updateMany({
    where: { id },
    data: { ...(status !== undefined ? { status } : {}), ...(assigneeId !== undefined ? { assigneeId } : {}) },
  });
  return count > 0 ? { id } : null;
}
