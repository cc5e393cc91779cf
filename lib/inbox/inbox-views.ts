// What the inbox JSON API answers and the browser renders — shared by lib/inbox (server) and
// components/inbox (client). Types and pure helpers only: no server imports here.

export type ConversationStatus = "open" | "pending" | "resolved";

export type MessageDirection = "inbound" | "outbound";

/** A message's tick, in the order it can only move forward (the server derives it monotonically). */
export type MessageStatus = "pending" | "sent" | "failed" | "delivered" | "read" | "played";
const statusRank: Record<MessageStatus, number> = { pending: 0, sent: 1, failed: 2, delivered: 3, read: 4, played: 5 };

/** True when `next` may replace `current` (never a step backwards, whatever order events arrive in). */
export function isStatusAdvance(current: MessageStatus | null, next: MessageStatus | null): boolean {
  if (next === null) return false;
  if (current === null) return true;
  return statusRank[next] >= statusRank[current];
}

/** Which conversations the list shows: by state, and by who they are assigned to. */
export type ConversationStatusFilter = ConversationStatus | "all";
export type ConversationAssigneeFilter = "all" | "mine" | "unassigned";
export type ConversationFilters = {
  status: ConversationStatusFilter;
  assignee: ConversationAssigneeFilter;
  /** Our phone number (PhoneNumber.id); null = every number. */
  phoneNumberId: string | null;
  /** Name, number or message text; "" = no search. */
  search: string;
};

export type ContactView = {
  id: string;
  /** The customer's WhatsApp profile name, when Meta sent one. */
  name: string | null;
  /** The customer's number (wa_id); null for users known only by a business-scoped user id. */
  waId: string | null;
  userId: string | null;
  username: string | null;
};

export type PhoneNumberView = { id: string; displayPhoneNumber: string | null; name: string | null };

export type AgentView = { id: string; name: string; role: "admin" | "agent" };

/** The newest thread message, for the list row's preview. */
export type MessagePreviewView = {
  type: string;
  text: string | null;
  direction: MessageDirection;
  status: MessageStatus | null;
};

export type ConversationListItem = {
  id: string;
  status: ConversationStatus;
  contact: ContactView;
  phoneNumber: PhoneNumberView;
  assignee: AgentView | null;
  /** ISO time of the newest message (Meta's timestamp); the list is ordered by it. */
  lastMessageAt: string | null;
  /** ISO time of the newest customer message (opens the 24-hour window). */
  lastInboundAt: string | null;
  lastMessage: MessagePreviewView | null;
  /** Customer messages this agent has not read (capped at 100; shown as 99+). */
  unreadCount: number;
  /** The keyset cursor of this row (opaque). */
  cursor: string;
};

/** GET /api/conversations */
export type ConversationPage = { conversations: ConversationListItem[]; nextCursor: string | null };

/** GET /api/conversations/unread — for the tab title. */
/** Capped at 100 (the tab title shows 99+). */
export type UnreadSummary = { unreadConversations: number };

export type ReactionView = { emoji: string; direction: MessageDirection };

/** The message a reply quotes; `found` is false while the quoted message is not stored (yet). */
export type QuotedMessageView = {
  wamid: string;
  found: boolean;
  id: string | null;
  type: string | null;
  text: string | null;
  direction: MessageDirection | null;
};

export type ThreadMessage = {
  id: string;
  wamid: string;
  conversationId: string;
  direction: MessageDirection;
  /** Meta's type: text, image, audio, video, document, sticker, location, contacts, interactive,
   * button, order, system, request_welcome, unsupported, unknown, or anything newer. */
  type: string;
  /** Body, caption, chosen title, location name, system body… (what search and previews use). */
  text: string | null;
  /** message[type] exactly as Meta sent it; the whole message for unsupported/unknown types. */
  content: unknown;
  /** ISO, Meta's timestamp. */
  timestamp: string;
  /** Set when Meta's timestamp was missing or implausible (zero, milliseconds, far future). */
  timestampIssue: string | null;
  forwarded: boolean;
  referral: unknown;
  /** Meta's errors array (unsupported messages carry one). */
  errors: unknown;
  status: MessageStatus | null;
  statusAt: string | null;
  errorCode: number | null;
  errorTitle: string | null;
  replyTo: QuotedMessageView | null;
  reactions: ReactionView[];
};

/** GET /api/conversations/[id]/messages — oldest first; `olderCursor` pages further back. */
export type MessagePage = { messages: ThreadMessage[]; olderCursor: string | null };

/** GET /api/conversations/[id] */
export type ConversationDetail = ConversationListItem;

/** What the inbox opens on (the server renders this list with the page). */
export const defaultConversationFilters: ConversationFilters = {
  status: "open",
  assignee: "all",
  phoneNumberId: null,
  search: "",
};

/** Messages per thread page: the first one is rendered with the page on a deep link. */
export const THREAD_PAGE_SIZE = 50;

/** Everything the inbox shows first, loaded with the page so it paints with the HTML. */
export type InboxStart = {
  page: ConversationPage;
  unread: UnreadSummary;
  phoneNumbers: PhoneNumberView[];
  /** On /inbox/<id>: that conversation (null when it does not exist) and its newest messages. */
  conversation: ConversationDetail | null;
  messages: MessagePage | null;
};
