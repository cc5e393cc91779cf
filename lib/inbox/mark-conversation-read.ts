import "server-only";
import { getDb } from "@/lib/db/client";
import { markConversationRead as storeReadPosition } from "@/lib/db/conversation-reads";
import { conversationExists } from "@/lib/db/inbox-conversations";
import { AppError } from "@/lib/http/app-error";
import { getConversationOrThrow } from "./get-conversation-or-throw";
import type { ConversationDetail } from "./inbox-views";

/** This agent has seen everything the customer sent so far (other agents' counts are untouched). */
export async function markConversationRead({
  id,
  userId,
}: {
  id: string;
  userId: string;
}): Promise<ConversationDetail> {
  const db = getDb();
  if (!(await conversationExists({ db, id }))) {
    throw new AppError("not_found", {
      message: `Conversation ${id} not found`,
      userMessage: "Conversation not found.",
    });
  }
  await storeReadPosition({ db, userId, conversationId: id });
  return getConversationOrThrow({ id, userId });
}
