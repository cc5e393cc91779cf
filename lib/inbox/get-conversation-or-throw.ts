import "server-only";
import { getDb } from "@/lib/db/client";
import { findInboxConversationsByIds } from "@/lib/db/inbox-conversations";
import { AppError } from "@/lib/http/app-error";
import { toConversationListItem } from "./conversation-view";
import type { ConversationDetail } from "@/lib/views/inbox";

/** One conversation as this agent sees it (their unread count); 404 when there is none. */
export async function getConversationOrThrow({
  id,
  userId,
}: {
  id: string;
  userId: string;
}): Promise<ConversationDetail> {
  const [row] = await findInboxConversationsByIds({ db: getDb(), userId, ids: [id] });
  if (!row)
    throw new AppError("not_found", {
      message: `Conversation ${id} not found`,
      userMessage: "Conversation not found.",
    });
  return toConversationListItem(row);
}
