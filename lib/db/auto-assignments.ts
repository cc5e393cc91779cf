import "server-only";
import type { Db } from "./client";

export type AutoAssignmentRow = { phoneNumberId: string; enabled: boolean; cap: number | null };

/** A number's auto-assignment as an admin set it (null: never set, which means off). */
export async function getAutoAssignment({
  db,
  phoneNumberId,
}: {
  db: Db;
  phoneNumberId: string;
}): Promise<AutoAssignmentRow | null> {
  return db.autoAssignment.findUnique({
    where: { phoneNumberId },
    select: { phoneNumberId: true, enabled: true, cap: true },
  });
}

/** Turns a number's auto-assignment on or off and sets its cap; the round-robin pointer stays. */
export async function saveAutoAssignment({
  db,
  phoneNumberId,
  enabled,
  cap,
}: {
  db: Db;
  phoneNumberId: string;
  enabled: boolean;
  cap: number | null;
}): Promise<AutoAssignmentRow> {
  return db.autoAssignment.upsert({
    where: { phoneNumberId },
    create: { phoneNumberId, enabled, cap },
    update: { enabled, cap },
    select: { phoneNumberId: true, enabled: true, cap: true },
  });
}

/** What the round-robin of each number needs; the rows stay locked until the transaction ends. */
export type LockedAutoAssignment = {
  phoneNumberId: string;
  cap: number | null;
  lastAssigneeId: string | null;
};

/**
 * Locks the enabled auto-assignments of these numbers (in id order, so concurrent batches queue
 * instead of deadlocking): a second batch picks after the first committed its pointer and counts.
 */
export async function lockEnabledAutoAssignments({
  db,
  phoneNumberIds,
}: {
  db: Db;
  phoneNumberIds: string[];
}): Promise<LockedAutoAssignment[]> {
  if (phoneNumberIds.length === 0) return [];
  const rows = await db.$queryRaw<{ phone_number_id: string; cap: number | null; last_assignee_id: string | null }[]>`
    SELECT phone_number_id, cap, last_assignee_id FROM auto_assignments
    WHERE phone_number_id = ANY(${phoneNumberIds}::text[]) AND enabled
    ORDER BY phone_number_id FOR UPDATE`;
  return rows.map((row) => ({
    phoneNumberId: row.phone_number_id,
    cap: row.cap,
    lastAssigneeId: row.last_assignee_id,
  }));
}

export type AssignmentCandidate = { id: string; name: string; email: string; createdAt: Date };

/**
 * Who can take a conversation now: active users who said they are online and are signed in
 * somewhere (a live session), in the round-robin's order: when they joined, then id.
 */
export async function findAssignmentCandidates({ db }: { db: Db }): Promise<AssignmentCandidate[]> {
  return db.$queryRaw<AssignmentCandidate[]>`
    SELECT u.id, u.name, u.email, u.created_at AS "createdAt" FROM users u
    WHERE NOT u.banned AND u.availability = 'online'
      AND EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id AND s.expires_at > now())
    ORDER BY u.created_at, u.id`;
}

/** Where each pointer user stands in the round-robin's order (even if they left it since). */
export async function findUserJoinDates({ db, ids }: { db: Db; ids: string[] }): Promise<Map<string, Date>> {
  if (ids.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, createdAt: true } });
  return new Map(rows.map((row) => [row.id, row.createdAt]));
}

/** Open and pending conversations per number and assignee ("<phone row id>|<user id>" → count). */
export async function countOpenConversationsPerAssignee({
  db,
  phoneNumberIds,
}: {
  db: Db;
  phoneNumberIds: string[];
}): Promise<Map<string, number>> {
  if (phoneNumberIds.length === 0) return new Map();
  const rows = await db.conversation.groupBy({
    by: ["phoneNumberId", "assigneeId"],
    where: { phoneNumberId: { in: phoneNumberIds }, assigneeId: { not: null }, status: { in: ["open", "pending"] } },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [`${row.phoneNumberId}|${row.assigneeId}`, row._count._all]));
}

/** Conversations of these ids that are open and nobody's: what auto-assignment may hand out. */
export async function findUnassignedOpenConversations({
  db,
  ids,
}: {
  db: Db;
  ids: string[];
}): Promise<{ id: string; phoneNumberId: string }[]> {
  if (ids.length === 0) return [];
  return db.conversation.findMany({
    where: { id: { in: ids }, assigneeId: null, status: { in: ["open", "pending"] } },
    select: { id: true, phoneNumberId: true },
    // First to write, first served: a batch of several new conversations hands them out in that order.
    orderBy: [{ lastInboundAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
  });
}

/** Assigns each conversation unless someone got it meanwhile; answers the ids assigned. */
export async function assignUnassignedConversations({
  db,
  assignments,
}: {
  db: Db;
  assignments: { conversationId: string; assigneeId: string }[];
}): Promise<string[]> {
  if (assignments.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE conversations c SET assignee_id = v.assignee_id, updated_at = now()
    FROM unnest(${assignments.map((a) => a.conversationId)}::text[],
                ${assignments.map((a) => a.assigneeId)}::text[]) AS v(id, assignee_id)
    WHERE c.id = v.id AND c.assignee_id IS NULL
    RETURNING c.id`;
  return rows.map((row) => row.id);
}

/** Moves each number's round-robin pointer to whoever got its latest conversation. */
export async function saveRoundRobinPointers({
  db,
  pointers,
}: {
  db: Db;
  pointers: { phoneNumberId: string; lastAssigneeId: string }[];
}): Promise<void> {
  if (pointers.length === 0) return;
  await db.$executeRaw`
    UPDATE auto_assignments a SET last_assignee_id = v.last_assignee_id, updated_at = now()
    FROM unnest(${pointers.map((p) => p.phoneNumberId)}::text[],
                ${pointers.map((p) => p.lastAssigneeId)}::text[]) AS v(phone_number_id, last_assignee_id)
    WHERE a.phone_number_id = v.phone_number_id`;
}
