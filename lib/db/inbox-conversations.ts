import "server-only";
import { type Db, Prisma } from "./client";
import { windowClosesAt } from "./service-window";
import { activity, findSearchPageByWalking, type InboxSearch, searchCondition } from "./inbox-search";

export type { InboxSearch } from "./inbox-search";

/** One conversation as the inbox list shows it, for one agent (their unread count). */
export type InboxConversationRow = {
  id: string;
  status: "open" | "pending" | "resolved";
  activity_at: Date;
  last_message_at: Date | null;
  last_inbound_at: Date | null;
  window_closes_at: Date | null;
  contact_id: string;
  contact_name: string | null;
  contact_saved_name: string | null;
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
  unread_mentions: number;
  /** [{ id, name, color }] by name. */
  labels: { id: string; name: string; color: string }[];
};

export type InboxConversationFilters = {
  status: "open" | "pending" | "resolved" | "all";
  /** "mine" needs `userId`. */
  assignee: "all" | "mine" | "unassigned" | "mentions";
  phoneNumberId: string | null;
  search: InboxSearch | null;
  /** Conversations carrying every one of these labels; [] = any. */
  labelIds: string[];
};

/** Unread inbound messages are counted up to this cap (the list shows "99+"). */
export const UNREAD_CAP = 100;

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
  if (filters.assignee === "mentions") {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM note_mentions nm WHERE nm.user_id = ${userId} AND nm.conversation_id = c.id)`,
    );
  }
  if (filters.phoneNumberId) where.push(Prisma.sql`c.phone_number_id = ${filters.phoneNumberId}`);
  for (const labelId of filters.labelIds) {
    // IN (…) lets the planner start from the label's conversations (its index) when they are few.
    where.push(labelFilter(labelId));
  }
  if (after) where.push(Prisma.sql`(${activity}, c.id) < (${after.at.toISOString()}::timestamptz, ${after.id})`);
  const { search } = filters;
  if (search?.messages) {
    const ids = await findSearchPageByWalking({ db, where, search, limit });
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

/**
 * Exactly these conversations (those that exist), in list order. userId null: no agent's own
 * counts (they come back 0) — the rows every agent shares, as realtime events carry them.
 */
export async function findInboxConversationsByIds({
  db,
  userId,
  ids,
}: {
  db: Db;
  userId: string | null;
  ids: string[];
}): Promise<InboxConversationRow[]> {
  if (ids.length === 0) return [];
  return selectRows({
    db,
    userId,
    page: Prisma.sql`SELECT c.id FROM conversations c WHERE c.id = ANY(${ids}::text[])`,
  });
}

async function selectRows({ db, userId, page }: { db: Db; userId: string | null; page: Prisma.Sql }) {
  const counts =
    userId === null
      ? Prisma.sql`CROSS JOIN LATERAL (SELECT 0 AS count) unread CROSS JOIN LATERAL (SELECT 0 AS count) mentions`
      : Prisma.sql`
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count FROM (
        SELECT 1 FROM messages m
        WHERE m.conversation_id = c.id AND m.direction = 'inbound'
          AND m.timestamp > COALESCE(r.read_up_to, '-infinity'::timestamptz)
        LIMIT ${UNREAD_CAP}) AS capped) unread
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count FROM note_mentions nm
      WHERE nm.user_id = ${userId} AND nm.conversation_id = c.id AND nm.read_at IS NULL) mentions`;
  const rows = await db.$queryRaw<InboxConversationRow[]>`
    SELECT c.id, c.status::text AS status, ${activity} AS activity_at, c.last_message_at, c.last_inbound_at,
           ${windowClosesAt} AS window_closes_at,
           ct.id AS contact_id, ct.profile_name AS contact_name, ct.name AS contact_saved_name, ct.wa_id AS contact_wa_id,
           ct.user_id AS contact_user_id, ct.username AS contact_username,
           pn.id AS phone_id, pn.display_phone_number AS phone_display, pn.name AS phone_name,
           u.id AS assignee_id, u.name AS assignee_name, u.role AS assignee_role,
           lm.type AS last_type, lm.text AS last_text, lm.direction::text AS last_direction,
           lm.status::text AS last_status, unread.count AS unread_count, mentions.count AS unread_mentions,
           labels.list AS labels
    FROM (${page}) AS p
    JOIN conversations c ON c.id = p.id
    JOIN contacts ct ON ct.id = c.contact_id
    JOIN phone_numbers pn ON pn.id = c.phone_number_id
    LEFT JOIN users u ON u.id = c.assignee_id
    LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = ${userId}
    LEFT JOIN LATERAL (
      SELECT m.type, m.text, m.direction, m.status FROM messages m
      WHERE m.conversation_id = c.id AND m.author_kind IS DISTINCT FROM 'note'
      ORDER BY m.timestamp DESC, m.id DESC LIMIT 1) lm ON true
    ${counts}
    CROSS JOIN LATERAL (
      SELECT COALESCE(json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color)
                               ORDER BY lower(l.name), l.id), '[]'::json) AS list
      FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id
      WHERE cl.conversation_id = c.id) labels
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

/** Conversations per state and per "mine / unassigned / others" for one agent (one number, or all): the tab counts. */
export async function countConversationGroups({
  db,
  userId,
  phoneNumberId,
  labelIds,
}: {
  db: Db;
  userId: string;
  phoneNumberId: string | null;
  /** Only conversations carrying every one of these labels (the list's filter). */
  labelIds: string[];
}): Promise<{ status: "open" | "pending" | "resolved"; assignee: "mine" | "unassigned" | "others"; count: number }[]> {
  const where = [phoneNumberId === null ? Prisma.sql`TRUE` : Prisma.sql`c.phone_number_id = ${phoneNumberId}`];
  for (const labelId of labelIds) where.push(labelFilter(labelId));
  const rows = await db.$queryRaw<{ status: "open" | "pending" | "resolved"; assignee: string; count: bigint }[]>`
    SELECT c.status::text AS status,
           CASE WHEN c.assignee_id IS NULL THEN 'unassigned' WHEN c.assignee_id = ${userId} THEN 'mine' ELSE 'others' END
             AS assignee,
           count(*) AS count
    FROM conversations c
    WHERE ${Prisma.join(where, " AND ")}
    GROUP BY 1, 2`;
  return rows.map((row) => ({
    status: row.status,
    assignee: row.assignee as "mine" | "unassigned" | "others",
    count: Number(row.count),
  }));
}

/** Conversations carrying this label: the list's filter and the tabs' counts say it the same way. */
const labelFilter = (labelId: string) =>
  Prisma.sql`c.id IN (SELECT cl.conversation_id FROM conversation_labels cl WHERE cl.label_id = ${labelId})`;
