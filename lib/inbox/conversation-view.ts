import "server-only";
import { isRole } from "@/lib/auth/roles";
import type { InboxConversationRow } from "@/lib/db/inbox-conversations";
import type { ThreadMessageRow } from "@/lib/db/thread-messages";
import { encodeCursor } from "./cursor";
import type { ConversationListItem, MessageStatus, ThreadMessage } from "./inbox-views";

// Rows of lib/db → the views of lib/inbox/inbox-views.ts (what the API answers).

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function toConversationListItem(row: InboxConversationRow): ConversationListItem {
  return {
    id: row.id,
    status: row.status,
    contact: {
      id: row.contact_id,
      name: row.contact_name,
      waId: row.contact_wa_id,
      userId: row.contact_user_id,
      username: row.contact_username,
    },
    phoneNumber: { id: row.phone_id, displayPhoneNumber: row.phone_display, name: row.phone_name },
    assignee:
      row.assignee_id === null
        ? null
        : {
            id: row.assignee_id,
            name: row.assignee_name ?? "",
            role: isRole(row.assignee_role) ? row.assignee_role : "agent",
          },
    lastMessageAt: iso(row.last_message_at),
    lastInboundAt: iso(row.last_inbound_at),
    lastMessage:
      row.last_type === null || row.last_direction === null
        ? null
        : {
            type: row.last_type,
            text: row.last_text,
            direction: row.last_direction,
            status: row.last_status as MessageStatus | null,
          },
    unreadCount: row.unread_count,
    cursor: encodeCursor("c", { at: row.activity_at, id: row.id }),
  };
}

export function toThreadMessage(row: ThreadMessageRow): ThreadMessage {
  return {
    id: row.id,
    wamid: row.wamid,
    conversationId: row.conversation_id,
    direction: row.direction,
    type: row.type,
    text: row.text,
    content: row.content ?? null,
    timestamp: row.timestamp.toISOString(),
    timestampIssue: row.timestamp_issue,
    forwarded: row.forwarded,
    referral: row.referral ?? null,
    errors: row.errors ?? null,
    status: row.status as MessageStatus | null,
    statusAt: iso(row.status_at),
    errorCode: row.error_code,
    errorTitle: row.error_title,
    replyTo:
      row.reply_to_wamid === null
        ? null
        : {
            wamid: row.reply_to_wamid,
            found: row.reply_id !== null,
            id: row.reply_id,
            type: row.reply_type,
            text: row.reply_text,
            direction: row.reply_direction,
          },
    reactions: row.reactions.map((reaction) => ({ emoji: reaction.emoji, direction: reaction.direction })),
  };
}
