// When the inbox raises a desktop notification (pure, so the rule is testable): a new
// conversation, a customer's message in a conversation assigned to this agent, or a colleague's
// @mention of this agent in a note — never for the conversation the agent is looking at, and only
// when the agent turned notifications on.
import type { ConversationListItem } from "@/lib/views/inbox";

export type ActivityReason = "created" | "inbound" | "mention";

export type NotificationContext = {
  userId: string;
  /** The conversation open on screen; null when none (or the tab is hidden). */
  watchingId: string | null;
};

export function shouldNotify(
  row: ConversationListItem,
  reason: ActivityReason,
  { userId, watchingId }: NotificationContext,
): boolean {
  if (row.id === watchingId) return false;
  // The event named this agent; the row's count says it is still unread.
  if (reason === "mention") return row.unreadMentions > 0;
  if (row.lastMessage?.direction !== "inbound") return false;
  if (reason === "created") return true;
  return row.assignee?.id === userId && row.unreadCount > 0;
}
