import "server-only";
import { createAuditLogs } from "@/lib/db/audit-logs";
import {
  type AssignmentCandidate,
  assignUnassignedConversations,
  countOpenConversationsPerAssignee,
  findAssignmentCandidates,
  findUnassignedOpenConversations,
  findUserJoinDates,
  lockEnabledAutoAssignments,
  saveRoundRobinPointers,
} from "@/lib/db/auto-assignments";
import type { Db } from "@/lib/db/client";
import { conversationTarget, SYSTEM_ACTOR } from "@/lib/views/audit";

/**
 * The auto-assignment rule, applied inside the ingest's transaction to the conversations it just
 * created or re-opened. Per number with auto-assignment on: round-robin over online, active,
 * signed-in users in the order they joined, continuing after the one picked last (the pointer is
 * stored per number; its row is locked, so concurrent batches continue one sequence), skipping
 * whoever already has `cap` open or pending conversations on that number. Nobody eligible: the
 * conversation stays unassigned. A replayed webhook creates and re-opens nothing, so it assigns
 * nothing. Each assignment is audited (actor: system); the caller publishes the rows it touched,
 * which carry the assignee. Answers the ids assigned.
 */
export async function autoAssignConversations({
  db,
  conversationIds,
}: {
  db: Db;
  conversationIds: string[];
}): Promise<string[]> {
  const conversations = await findUnassignedOpenConversations({ db, ids: [...new Set(conversationIds)] });
  if (conversations.length === 0) return [];
  const settings = await lockEnabledAutoAssignments({
    db,
    phoneNumberIds: [...new Set(conversations.map((conversation) => conversation.phoneNumberId))],
  });
  if (settings.length === 0) return [];
  // One order for the database and this code alike (collations could compare ids differently).
  const candidates = (await findAssignmentCandidates({ db })).sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  if (candidates.length === 0) return [];
  const phoneNumberIds = settings.map((setting) => setting.phoneNumberId);
  const openCounts = await countOpenConversationsPerAssignee({ db, phoneNumberIds });
  const joinDates = await findUserJoinDates({ db, ids: settings.flatMap((setting) => setting.lastAssigneeId ?? []) });

  const assignments: { conversationId: string; assignee: AssignmentCandidate }[] = [];
  const pointers: { phoneNumberId: string; lastAssigneeId: string }[] = [];
  for (const setting of settings) {
    let last = setting.lastAssigneeId;
    for (const conversation of conversations.filter((c) => c.phoneNumberId === setting.phoneNumberId)) {
      const lastJoined = last ? (joinDates.get(last) ?? null) : null;
      const picked = pickNext({
        candidates,
        last: last && lastJoined ? { id: last, createdAt: lastJoined } : null,
        isFull: (id) => setting.cap !== null && (openCounts.get(`${setting.phoneNumberId}|${id}`) ?? 0) >= setting.cap,
      });
      if (!picked) break; // everyone is at the cap: the rest stay unassigned too
      assignments.push({ conversationId: conversation.id, assignee: picked });
      const key = `${setting.phoneNumberId}|${picked.id}`;
      openCounts.set(key, (openCounts.get(key) ?? 0) + 1);
      last = picked.id;
      joinDates.set(picked.id, picked.createdAt);
    }
    if (last && last !== setting.lastAssigneeId)
      pointers.push({ phoneNumberId: setting.phoneNumberId, lastAssigneeId: last });
  }

  const assigned = new Set(
    await assignUnassignedConversations({
      db,
      assignments: assignments.map(({ conversationId, assignee }) => ({ conversationId, assigneeId: assignee.id })),
    }),
  );
  await saveRoundRobinPointers({ db, pointers });
  await createAuditLogs({
    db,
    entries: assignments
      .filter(({ conversationId }) => assigned.has(conversationId))
      .map(({ conversationId, assignee }) => ({
        actor: SYSTEM_ACTOR,
        action: "conversation.assigned",
        target: conversationTarget(conversationId),
        targetLabel: `${assignee.name} <${assignee.email}>`,
        detail: `assigned to ${assignee.name} <${assignee.email}> by auto-assignment`,
      })),
  });
  return [...assigned];
}

/**
 * The first candidate after `last` in the round-robin's order (joined, then id), wrapping around,
 * who is not full. `last` need not be a candidate any more (away, deactivated): its place in the
 * order still says who comes next.
 */
function pickNext({
  candidates,
  last,
  isFull,
}: {
  candidates: AssignmentCandidate[];
  last: { id: string; createdAt: Date } | null;
  isFull: (userId: string) => boolean;
}): AssignmentCandidate | null {
  const after = (candidate: AssignmentCandidate) =>
    last !== null &&
    (candidate.createdAt.getTime() > last.createdAt.getTime() ||
      (candidate.createdAt.getTime() === last.createdAt.getTime() && candidate.id > last.id));
  const start = last === null ? 0 : candidates.findIndex(after);
  const from = start === -1 ? 0 : start;
  for (let step = 0; step < candidates.length; step += 1) {
    const candidate = candidates[(from + step) % candidates.length]!;
    if (!isFull(candidate.id)) return candidate;
  }
  return null;
}
