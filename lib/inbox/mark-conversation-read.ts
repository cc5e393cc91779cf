import "server-only";
import { getDb } from "@/lib/db/client";
import { markConversationRead as storeReadPosition } from "@/lib/db/conversation-reads";
import { conversationExists } from "@/lib/db/inbox-conversations";
import { markMentionsRead } from "@/lib/db/notes";
import { AppError } from "@/lib/http/app-error";
import { sendReadReceiptOnOpen } from "@/lib/outbound/send-read-receipt-on-open";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishRealtime } from "@/lib/realtime/server";
import { getConversationOrThrow } from "./get-conversation-or-throw";
import type { ConversationDetail } from "@/lib/views/inbox";

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
  // Opening it is seeing the notes that mention them, too.
  await markMentionsRead({ db, userId, conversationId: id });
  // With read receipts "on open", the customer's blue ticks go out now too.
  await sendReadReceiptOnOpen({ conversationId: id });
  // The reader's other tabs (and windows) update their unread counts and title.
  await publishRealtime({ ...emptyInboxChanges(), conversationsRead: [{ conversationId: id, userId }] });
  return getConversationOrThrow({ id, userId });
}
