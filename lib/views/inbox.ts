// What the inbox JSON API answers and the browser renders — shared by lib/inbox (server) and
// components/inbox (client). Types and pure helpers only: no server imports here.

import type { BusinessHoursSchedule } from "@/lib/views/business-hours-schedule";
import type { ContactPanelView } from "./contacts";
import type { LabelChipView } from "./labels";
import type { MediaFileView, MessageBodyView, ReferralView } from "./message-body";
import type { TemplateHeaderMedia } from "./template";

export type ConversationStatus = "open" | "pending" | "resolved";

export type MessageDirection = "inbound" | "outbound";

/**
 * A message's ticks, in the one order they may move: the only list of it. The Postgres enum
 * message_status has the same values in the same order (a test checks), so the database derives a
 * tick with the enum's `<` and the browser with this list's index, and both agree.
 */
export const MESSAGE_STATUSES = ["pending", "sent", "failed", "delivered", "read", "played"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
/** The statuses Meta reports in webhooks (pending is ours: recorded, not yet accepted by Meta). */
export const WEBHOOK_MESSAGE_STATUSES: readonly MessageStatus[] = MESSAGE_STATUSES.filter((s) => s !== "pending");
const statusRank = (status: MessageStatus) => MESSAGE_STATUSES.indexOf(status);

/** True when `next` may replace `current` (never a step backwards, whatever order events arrive in). */
export function isStatusAdvance(current: MessageStatus | null, next: MessageStatus | null): boolean {
  if (next === null) return false;
  if (current === null) return true;
  return statusRank(next) >= statusRank(current);
}

/** Which conversations the list shows: by state, and by who they are assigned to. */
export type ConversationStatusFilter = ConversationStatus | "all";
/** "mentions": conversations where a note @mentions this agent. */
export type ConversationAssigneeFilter = "all" | "mine" | "unassigned" | "mentions";
export type ConversationFilters = {
  status: ConversationStatusFilter;
  assignee: ConversationAssigneeFilter;
  /** Our phone number (PhoneNumber.id); null = every number. */
  phoneNumberId: string | null;
  /** Name, number or message text; "" = no search. */
  search: string;
  /** Conversations carrying every one of these labels; [] = any. */
  labelIds: string[];
};

export type ContactView = {
  id: string;
  /** The customer's WhatsApp profile name, when Meta sent one. */
  name: string | null;
  /** The team's name for the customer (the contact panel), shown before the profile name. */
  savedName: string | null;
  /** The customer's number (wa_id); null for users known only by a business-scoped user id. */
  waId: string | null;
  userId: string | null;
  username: string | null;
};

export type PhoneNumberView = { id: string; displayPhoneNumber: string | null; name: string | null };

/** GET /api/phone-numbers: a number with its business hours (null until an admin sets them), for "Back at". */
export type InboxPhoneNumberView = PhoneNumberView & { hours: BusinessHoursSchedule | null };

/** availability: absent where a conversation names its assignee (GET /api/agents has it). */
export type AgentView = { id: string; name: string; role: "admin" | "agent"; availability?: "online" | "away" };

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
  /**
   * ISO time the 24-hour customer service window closes (lastInboundAt + 24 h, or earlier when
   * Meta answered 131047); null when the customer never wrote. Free text and reactions are refused
   * after it; only templates can be sent.
   */
  windowClosesAt: string | null;
  lastMessage: MessagePreviewView | null;
  /** Customer messages this agent has not read (capped at 100; shown as 99+). */
  unreadCount: number;
  /** Notes @mentioning this agent that they have not seen (cleared when they open the conversation). */
  unreadMentions: number;
  /** Its labels, by name. */
  labels: LabelChipView[];
  /** The keyset cursor of this row (opaque). */
  cursor: string;
};

/**
 * A list row without this agent's own counts: what the inbox channel, shared by every agent, may
 * carry (each browser keeps its own unreadCount and unreadMentions).
 */
export type SharedConversationRow = Omit<ConversationListItem, "unreadCount" | "unreadMentions">;

/** GET /api/conversations */
export type ConversationPage = { conversations: ConversationListItem[]; nextCursor: string | null };

/** GET /api/conversations/unread — for the tab title. */
/** Capped at 100 (the tab title shows 99+). */
export type UnreadSummary = {
  unreadConversations: number;
  /** Conversations with a note @mentioning this agent that they have not opened since (the Mentions tab). */
  unreadMentions: number;
};

export type ReactionView = { emoji: string; direction: MessageDirection };

/** The message a reply quotes; `found` is false while the quoted message is not stored (yet). */
export type QuotedMessageView = {
  wamid: string;
  found: boolean;
  id: string | null;
  type: string | null;
  text: string | null;
  direction: MessageDirection | null;
  /** The quoted message is a template we sent: its name. */
  templateName?: string | null;
};

/** Who sent an outbound message: an agent, the WhatsApp Business app on the same number, or the app itself. */
export type MessageAuthorView =
  { kind: "agent"; id: string; name: string } | { kind: "business_app" } | { kind: "system" };

/**
 * Where an outbound message is in our send pipeline (null for inbound ones). queued: recorded,
 * waiting its turn (pacing); sending: the request to Meta may have left; sent: Meta answered with a
 * wamid (the ticks follow from status webhooks); failed: Meta refused, nothing was sent; unknown:
 * the request left and no answer came (timeout, reset, 5xx) — it may or may not have reached the
 * customer, so it is never re-sent automatically ("not confirmed" in the thread).
 */
export type SendState = "queued" | "sending" | "sent" | "failed" | "unknown";
export const SEND_STATES = ["queued", "sending", "sent", "failed", "unknown"] as const;

/** Why a send failed or is unknown, in words an agent can act on. */
export type SendErrorView = {
  /** Meta's error code (131047, 131026, 190…); null for network failures. */
  code: number | null;
  /** Meta's message / title, or what happened on the network. */
  title: string;
  /** Meta's error_data.details, when given. */
  details: string | null;
  /** What the agent can do about it, in plain words. */
  advice: string;
};

export type ThreadMessage = {
  id: string;
  /** Meta's message id; null for our messages until Meta accepts them. */
  wamid: string | null;
  conversationId: string;
  direction: MessageDirection;
  /** Meta's type: text, image, audio, video, document, sticker, location, contacts, interactive,
   * button, order, system, request_welcome, unsupported, unknown, or anything newer. */
  type: string;
  /** Body, caption, chosen title, location name, system body… (what search and previews use). */
  text: string | null;
  /** What the message says, read by the server out of what Meta sent (the bubble renders only this). */
  body: MessageBodyView;
  /** ISO, Meta's timestamp. */
  timestamp: string;
  /** Set when Meta's timestamp was missing or implausible (zero, milliseconds, far future). */
  timestampIssue: string | null;
  forwarded: boolean;
  /** The click-to-WhatsApp ad or post the customer came from. */
  referral: ReferralView | null;
  status: MessageStatus | null;
  statusAt: string | null;
  errorCode: number | null;
  errorTitle: string | null;
  replyTo: QuotedMessageView | null;
  reactions: ReactionView[];
  /** Outbound only: who sent it (null for inbound, and for messages sent before authors were kept). */
  author: MessageAuthorView | null;
  /** The id the sender's browser gave it (idempotency of POST …/messages); null otherwise. */
  clientId: string | null;
  /** Outbound only: where it is in the send pipeline (null for inbound and for messages seen only in webhooks). */
  sendState: SendState | null;
  /** Set when sendState is failed or unknown. */
  sendError: SendErrorView | null;
  /** The failed/unknown message this one retries, and the message that retried this one. */
  retryOfId: string | null;
  retriedById: string | null;
  /** The stored file of a media message (null for other messages and for media we do not download). */
  media: MediaFileView | null;
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
  labelIds: [],
};

/**
 * The list's filters as the inbox URL carries them (`?status=resolved&assignee=mine&number=…&q=…&labels=a,b`):
 * reload, back/forward and shared links show the same list. Defaults are left out; anything not
 * understood falls back to the default rather than failing the page.
 */
export function filtersFromSearch(params: { get: (name: string) => string | null }): ConversationFilters {
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  const number = params.get("number");
  return {
    status: pick(params.get("status"), ["open", "pending", "resolved", "all"], defaultConversationFilters.status),
    assignee: pick(
      params.get("assignee"),
      ["all", "mine", "unassigned", "mentions"],
      defaultConversationFilters.assignee,
    ),
    phoneNumberId: number && /^[A-Za-z0-9_-]{1,64}$/.test(number) ? number : null,
    search: (params.get("q") ?? "").slice(0, 200),
    labelIds: labelIdsFromParam(params.get("labels")),
  };
}

/** Label ids are cuids; more than the most a conversation can carry could never match. */
const LABEL_FILTER_MAX = 10;

/** `a,b` → ids (malformed ones dropped, each once, in a fixed order so equal filters make equal URLs). */
export function labelIdsFromParam(value: string | null): string[] {
  const ids = (value ?? "").split(",").filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id));
  return [...new Set(ids)].sort().slice(0, LABEL_FILTER_MAX);
}

/** Next's page `searchParams` (a repeated parameter counts by its first value) as a reader. */
export function searchParamsReader(params: Record<string, string | string[] | undefined>) {
  return {
    get: (name: string) => {
      const value = params[name];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}

/** "" for the default view, else "?…" in a fixed order (so equal filters make equal URLs). */
export function filtersToSearch(filters: ConversationFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== defaultConversationFilters.status) params.set("status", filters.status);
  if (filters.assignee !== defaultConversationFilters.assignee) params.set("assignee", filters.assignee);
  if (filters.phoneNumberId) params.set("number", filters.phoneNumberId);
  if (filters.search.trim() !== "") params.set("q", filters.search.trim());
  if (filters.labelIds.length > 0) params.set("labels", [...filters.labelIds].sort().join(","));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** How many conversations each list tab holds (for one number, or all): GET /api/conversations/counts. */
export type ConversationCounts = {
  groups: { status: ConversationStatus; assignee: "mine" | "unassigned" | "others"; count: number }[];
  /** Conversations carrying each label, per state (the label filter shows the count for the state chosen). */
  labels: { labelId: string; status: ConversationStatus; count: number }[];
};

/** The count a tab shows, given the other filters in force (search is not counted: it narrows). */
export function tabCount(
  counts: ConversationCounts,
  { status, assignee }: { status: ConversationStatusFilter; assignee: ConversationAssigneeFilter },
): number {
  return counts.groups
    .filter((group) => status === "all" || group.status === status)
    .filter((group) => assignee === "all" || group.assignee === assignee)
    .reduce((sum, group) => sum + group.count, 0);
}

/** How many conversations in this state (or all) carry a label. */
export function labelCount(counts: ConversationCounts, labelId: string, status: ConversationStatusFilter): number {
  return counts.labels
    .filter((entry) => entry.labelId === labelId && (status === "all" || entry.status === status))
    .reduce((sum, entry) => sum + entry.count, 0);
}

/** Messages per thread page: the first one is rendered with the page on a deep link. */
export const THREAD_PAGE_SIZE = 50;

/** Everything the inbox shows first, loaded with the page so it paints with the HTML. */
export type InboxStart = {
  /** The filters of the first list page (from the URL). */
  filters: ConversationFilters;
  page: ConversationPage;
  unread: UnreadSummary;
  phoneNumbers: InboxPhoneNumberView[];
  /** On /inbox/<id>: that conversation (null when it does not exist), its newest messages and its contact panel. */
  conversation: ConversationDetail | null;
  messages: MessagePage | null;
  contact: ContactPanelView | null;
};

/** POST /api/conversations/[id]/messages — an agent's template (allowed outside the window too). */
export type SendTemplateRequest = {
  clientId: string;
  type: "template";
  templateId: string;
  /** By field key: header.1, body.first_name, button.0… (lib/views/template.ts templateFields). */
  values: Record<string, string>;
  /** An image/video/document header's file, uploaded first (POST /api/media/uploads). */
  headerMedia?: TemplateHeaderMedia | null;
};
/** POST /api/conversations — an agent writes first, with a template. */
export type StartConversationRequest = {
  clientId: string;
  phoneNumberId: string;
  to: string;
  templateId: string;
  values: Record<string, string>;
  headerMedia?: TemplateHeaderMedia | null;
};
export type StartConversationResponse = { conversationId: string; message: ThreadMessage };

/** POST /api/conversations/[id]/messages — an agent's reply (free text, inside the window). */
export type SendMessageRequest = {
  /** A UUID the browser makes per message: a double-click or a retried request records one message. */
  clientId: string;
  type: "text";
  text: string;
  /** The message this replies to (sent as context.message_id). */
  replyToMessageId?: string | null;
};
/** 201 (recorded now) or 200 (this clientId was recorded before): the message as the thread shows it. */
export type SendMessageResponse = { message: ThreadMessage };

/** POST /api/conversations/[id]/notes — a private note for the team (never sent to the customer). */
export type CreateNoteRequest = {
  clientId: string;
  text: string;
  /** Colleagues picked with @; each must still be named as @Name in the text to be notified. */
  mentionIds: string[];
};
export type CreateNoteResponse = { message: ThreadMessage };

/** A thread entry that is a private note of the team (a message row of type "note"). */
export const isNote = (message: Pick<ThreadMessage, "type">) => message.type === "note";

/** POST /api/conversations/[id]/reactions — react to a customer's message; emoji "" removes ours. */
export type SendReactionRequest = { clientId: string; targetMessageId: string; emoji: string };
/** The target message with its reactions as they now stand. */
export type SendReactionResponse = { message: ThreadMessage };

/** POST /api/messages/[id]/retry — a failed or unconfirmed message sent again as a new message. */
export type RetryMessageRequest = {
  clientId: string;
  /** Required (true) for an unconfirmed message: it may already have reached the customer. */
  confirmUnconfirmed?: boolean;
};
export type RetryMessageResponse = { message: ThreadMessage };

/** POST /api/conversations/[id]/typing — the agent started replying (first keystroke, then every ≤ 20 s). */
export type TypingResponse = {
  /** Whether a read receipt + typing indicator went to Meta now (false: throttled or switched off). */
  sent: boolean;
};

/** Whether sending works right now (GET /api/sending-status; event sending-status-changed). */
export type SendingStatusView = {
  /** Sending is paused for everyone: the token is invalid (190) or the account is blocked (368, 131031). */
  paused: boolean;
  /** What is wrong, in words, and what an admin should do; null when sending works. */
  problem: { code: number; title: string; advice: string; since: string } | null;
  /** No access token configured at all (a 409 on every send until one is saved). */
  accessTokenMissing: boolean;
};
