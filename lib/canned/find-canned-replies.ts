import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { findCannedReplies as findRows } from "@/lib/db/canned-replies";
import { getDb } from "@/lib/db/client";
import { getConversationOrThrow } from "@/lib/inbox/get-conversation-or-throw";
import { type CannedReplyList, fillCannedReply } from "@/lib/views/canned-replies";
import { toCannedReplyView } from "./canned-reply-view";

/**
 * The shared canned replies and the user's own. With a conversation, each comes with its variables
 * filled in for it (the composer's `/` picker inserts that text, to be edited before sending).
 */
export async function findCannedReplies({
  user,
  conversationId,
}: {
  user: CurrentUser;
  conversationId?: string;
}): Promise<CannedReplyList> {
  const [rows, conversation] = await Promise.all([
    findRows({ db: getDb(), userId: user.id }),
    conversationId ? getConversationOrThrow({ id: conversationId, userId: user.id }) : null,
  ]);
  const context = conversation
    ? {
        contactName: conversation.contact.savedName?.trim() || conversation.contact.name,
        agentName: user.name,
        businessName: conversation.phoneNumber.name ?? conversation.phoneNumber.displayPhoneNumber,
      }
    : null;
  return {
    cannedReplies: rows.map((row) => toCannedReplyView(row, user, context ? fillCannedReply(row.text, context) : null)),
  };
}
