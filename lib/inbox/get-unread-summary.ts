import "server-only";
import { getDb } from "@/lib/db/client";
import { countUnreadConversations } from "@/lib/db/conversation-reads";
import { countUnreadMentionConversations } from "@/lib/db/notes";
import type { UnreadSummary } from "@/lib/views/inbox";

/**
 * How many conversations have customer activity this agent has not read (the tab title's N), and
 * how many have notes @mentioning them that they have not opened (the Mentions tab's count).
 */
export async function getUnreadSummary({ userId }: { userId: string }): Promise<UnreadSummary> {
  const db = getDb();
  const [unreadConversations, unreadMentions] = await Promise.all([
    countUnreadConversations({ db, userId }),
    countUnreadMentionConversations({ db, userId }),
  ]);
  return { unreadConversations, unreadMentions };
}
