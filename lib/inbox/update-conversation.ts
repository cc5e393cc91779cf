import "server-only";
import { getDb } from "@/lib/db/client";
import { updateConversationFields } from "@/lib/db/inbox-conversations";
import { getActiveUser } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";
import { getConversationOrThrow } from "./get-conversation-or-throw";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import type { ConversationDetail } from "@/lib/views/inbox";
import type { UpdateConversationBody } from "./schemas";

/**
 * Changes a conversation's state and/or assignee, then tells every open inbox (conversation-updated
 * on private-inbox). Only an active user can be assigned: a deactivated one could never answer.
 */
export async function updateConversation({
  id,
  userId,
  body,
}: {
  id: string;
  userId: string;
  body: UpdateConversationBody;
}): Promise<ConversationDetail> {
  const db = getDb();
  if (body.assigneeId) {
    const assignee = await getActiveUser({ db, id: body.assigneeId });
    if (!assignee) {
      throw new AppError("validation_failed", {
        message: `assigneeId ${body.assigneeId} is not an active user`,
        userMessage: "assigneeId: no active agent has this id",
      });
    }
  }
  const updated = await updateConversationFields({ db, id, status: body.status, assigneeId: body.assigneeId });
  if (!updated) {
    throw new AppError("not_found", {
      message: `Conversation ${id} not found`,
      userMessage: "Conversation not found.",
    });
  }
  await publishInboxChanges({ ...emptyInboxChanges(), conversationsUpdated: [id] });
  return getConversationOrThrow({ id, userId });
}
