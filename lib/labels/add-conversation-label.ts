import "server-only";
import { getDb } from "@/lib/db/client";
import { addConversationLabel as addRow } from "@/lib/db/labels";
import { AppError } from "@/lib/http/app-error";
import { getConversationOrThrow } from "@/lib/inbox/get-conversation-or-throw";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import type { ConversationDetail } from "@/lib/views/inbox";
import { MAX_LABELS_PER_CONVERSATION } from "@/lib/views/labels";
import { labelNotFound } from "./label-errors";

/**
 * An agent puts a label on a conversation (adding one it already has changes nothing); every open
 * inbox gets the row again (conversation-updated), so lists filtered by the label gain it live.
 */
export async function addConversationLabel({
  conversationId,
  labelId,
  userId,
}: {
  conversationId: string;
  labelId: string;
  userId: string;
}): Promise<ConversationDetail> {
  const outcome = await getDb().$transaction((db) =>
    addRow({ db, conversationId, labelId, userId, max: MAX_LABELS_PER_CONVERSATION }),
  );
  if (outcome === "no_conversation") {
    throw new AppError("not_found", {
      message: `Conversation ${conversationId} not found`,
      userMessage: "Conversation not found.",
    });
  }
  if (outcome === "no_label") throw labelNotFound(labelId);
  if (outcome === "full") {
    throw new AppError("conflict", {
      message: `conversation ${conversationId} has ${MAX_LABELS_PER_CONVERSATION} labels`,
      userMessage: `A conversation can have at most ${MAX_LABELS_PER_CONVERSATION} labels: remove one first.`,
    });
  }
  if (outcome === "added")
    await publishInboxChanges({ ...emptyInboxChanges(), conversationsUpdated: [conversationId] });
  return getConversationOrThrow({ id: conversationId, userId });
}
