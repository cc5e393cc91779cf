import "server-only";
import { isRole } from "@/lib/auth/roles";
import type { InboxConversationRow } from "@/lib/db/inbox-conversations";
import type { ThreadMessageRow } from "@/lib/db/thread-messages";
import { buildMessageBody, buildReferralView } from "@/lib/whatsapp/message-body";
import { encodeCursor } from "./cursor";
import { sendErrorView } from "@/lib/outbound/send-outcome";
import type { ConversationListItem, MessageAuthorView, MessageStatus, ThreadMessage } from "@/lib/views/inbox";
import { isLabelColor } from "@/lib/views/labels";
import type { MediaFileView } from "@/lib/views/message-body";

// Rows of lib/db → the views of lib/views (what the API answers); what a message says is read by lib/whatsapp.

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export function toConversationListItem(row: InboxConversationRow): ConversationListItem {
  return {
    id: row.id,
    status: row.status,
    contact: {
      id: row.contact_id,
      name: row.contact_name,
      savedName: row.contact_saved_name,
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
    windowClosesAt: iso(row.window_closes_at),
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
    unreadMentions: row.unread_mentions,
    labels: row.labels.map((label) => ({ ...label, color: isLabelColor(label.color) ? label.color : "gray" })),
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
    // A note is the team's own text, never a payload of Meta's.
    body:
      row.type === "note"
        ? { kind: "text", text: row.text }
        : buildMessageBody({ type: row.type, content: row.content, text: row.text, errors: row.errors }),
    timestamp: row.timestamp.toISOString(),
    timestampIssue: row.timestamp_issue,
    forwarded: row.forwarded,
    referral: buildReferralView(row.referral),
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
            templateName: row.reply_template_name,
          },
    reactions: row.reactions.map((reaction) => ({ emoji: reaction.emoji, direction: reaction.direction })),
    author: toAuthor(row),
    clientId: row.client_id,
    sendState: row.send_state,
    sendError:
      row.send_state === "failed" || row.send_state === "unknown"
        ? sendErrorView({
            code: row.send_error_code,
            title: row.send_error_title,
            details: row.send_error_details,
            state: row.send_state,
          })
        : null,
    retryOfId: row.retry_of_id,
    retriedById: row.retried_by_id,
    media: toMediaFile(row),
  };
}

function toMediaFile(row: ThreadMessageRow): MediaFileView | null {
  if (row.media_state === null) return null;
  return {
    state: row.media_state,
    url: row.media_state === "stored" ? `/api/media/${encodeURIComponent(row.id)}` : null,
    mimeType: row.media_mime_type,
    size: row.media_size,
    error: row.media_state === "stored" ? null : row.media_error,
    updatedAt: (row.media_updated_at ?? new Date(0)).toISOString(),
  };
}

function toAuthor(row: ThreadMessageRow): MessageAuthorView | null {
  if (row.direction !== "outbound") return null;
  if ((row.author_kind === "agent" || row.author_kind === "note") && row.author_id) {
    return { kind: "agent", id: row.author_id, name: row.author_name ?? "Former agent" };
  }
  if (row.author_kind === "business_app") return { kind: "business_app" };
  if (row.author_kind === "system") return { kind: "system" };
  return null;
}
