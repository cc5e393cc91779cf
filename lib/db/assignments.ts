import "server-only";
import type { Db } from "./client";

// Conversations still being worked on: what a deactivated agent would otherwise leave stranded.
const OPEN_STATUSES = ["open", "pending"] as const;

/** Open (or pending) conversations assigned to each of these users; users with none are absent. */
export async function countOpenAssignedConversations({ db }: { db: Db }): Promise<Map<string, number>> {
  const rows = await db.conversation.groupBy({
    by: ["assigneeId"],
    where: { assigneeId: { not: null }, status: { in: [...OPEN_STATUSES] } },
    _count: { _all: true },
  });
  return new Map(rows.flatMap((row) => (row.assigneeId ? [[row.assigneeId, row._count._all] as const] : [])));
}

/** Hands one user's open conversations to another (or to nobody); answers the ids that moved. */
export async function reassignOpenConversations({
  db,
  fromUserId,
  toUserId,
}: {
  db: Db;
  fromUserId: string;
  toUserId: string | null;
}): Promise<string[]> {
  const rows = await db.conversation.findMany({
    where: { assigneeId: fromUserId, status: { in: [...OPEN_STATUSES] } },
    select: { id: true },
  });
  const ids = rows.map((row) => row.id);
  if (ids.length) await db.conversation.updateMany({ where: { id: { in: ids } }, data: { assigneeId: toUserId } });
  return ids;
}

/** Who a conversation is assigned to now (null: no such conversation). */
export async function getConversationAssignee({
  db,
  id,
}: {
  db: Db;
  id: string;
}): Promise<{ assignee: { id: string; name: string; email: string } | null } | null> {
  return db.conversation.findUnique({
    where: { id },
    select: { assignee: { select: { id: true, name: true, email: true } } },
  });
}
