import "server-only";
import { type AuditActor, createAuditLog } from "@/lib/db/audit-logs";
import { getConversationAssignee } from "@/lib/db/assignments";
import { getDb } from "@/lib/db/client";
import { updateConversationFields } from "@/lib/db/inbox-conversations";
import { getActiveUser } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";
import { getConversationOrThrow } from "./get-conversation-or-throw";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import { conversationTarget } from "@/lib/views/audit";
import type { ConversationDetail } from "@/lib/views/inbox";
import type { UpdateConversationBody } from "./schemas";

/**
 * Changes a conversation's state and/or assignee, then tells every open inbox (conversation-updated
 * on private-inbox). Only an active user can be assigned: a deactivated one could never answer. A
 * change of assignee is audited with the change, in one transaction.
 */
export async function updateConversation({
  id,
  actor,
  body,
}: {
  id: string;
  actor: AuditActor;
  body: UpdateConversationBody;
}): Promise<ConversationDetail> {
  const db = getDb();
  const assignee = body.assigneeId ? await getActiveUser({ db, id: body.assigneeId }) : null;
  if (body.assigneeId && !assignee) {
    throw new AppError("validation_failed", {
      message: `assigneeId ${body.assigneeId} is not an active user`,
      userMessage: "assigneeId: no active agent has this id",
    });
  }
  await db.$transaction(async (tx) => {
    const before = await getConversationAssignee({ db: tx, id });
    const updated = before
      ? await updateConversationFields({ db: tx, id, status: body.status, assigneeId: body.assigneeId })
      : null;
    if (!before || !updated) {
      throw new AppError("not_found", {
        message: `Conversation ${id} not found`,
        userMessage: "Conversation not found.",
      });
    }
    if (body.assigneeId === undefined || body.assigneeId === (before.assignee?.id ?? null)) return;
    const was = before.assignee ? `${before.assignee.name} <${before.assignee.email}>` : null;
    await createAuditLog({
      db: tx,
      actor,
      action: "conversation.assigned",
      target: conversationTarget(id),
      ...(assignee ? { targetLabel: assignee.name } : {}),
      detail: assignee
        ? `assigned to ${assignee.name}${was ? ` (was ${was})` : ""}`
        : `unassigned${was ? ` (was ${was})` : ""}`,
    });
  });
  await publishInboxChanges({ ...emptyInboxChanges(), conversationsUpdated: [id] });
  return getConversationOrThrow({ id, userId: actor.id });
}
