import "server-only";
import { getDb } from "@/lib/db/client";
import { removeConversationLabel as removeRow } from "@/lib/db/labels";
import { getConversationOrThrow } from "@/lib/inbox/get-conversation-or-throw";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import type { ConversationDetail } from "@/lib/views/inbox";

/** Takes a label off a conversation (one it does not have: nothing changes), live for everyone. */
export async function removeConversationLabel({
  conversationId,
  labelId,
  userId,
}: {
  conversationId: string;
  labelId: string;
  userId: string;
}): Promise<ConversationDetail> {
  const removed = await removeRow({ db: getDb(), conversationId, labelId });
  if (removed) await publishInboxChanges({ ...emptyInboxChanges(), conversationsUpdated: [conversationId] });
  // 404 for a conversation that does not exist, whether or not anything was removed.
  return getConversationOrThrow({ id: conversationId, userId });
}
