import "server-only";
import { getDb } from "@/lib/db/client";
import { countUnreadConversations } from "@/lib/db/conversation-reads";
import type { UnreadSummary } from "./inbox-views";

/** How many conversations have customer activity this agent has not read (the tab title's N). */
export async function getUnreadSummary({ userId }: { userId: string }): Promise<UnreadSummary> {
  return { unreadConversations: await countUnreadConversations({ db: getDb(), userId }) };
}
