// Realtime channel names, event names and payloads — the one contract between the server that
// triggers (lib/realtime/server.ts) and the browser that subscribes. No server imports here.
//
// Payloads carry ids and changed fields, and the view the JSON API answers for what changed (the
// message, the list row) whenever the event still fits Pusher's 10 KB with it: the browser renders
// it without asking. Without one (too big) the browser fetches it by id.
import type { SendingStatusView, SharedConversationRow, ThreadMessage } from "@/lib/views/inbox";
import type { TemplateChange } from "@/lib/views/template";

/** Inbox-wide list updates: new and changed conversations, unread counts. */
export const INBOX_CHANNEL = "private-inbox";

const CONVERSATION_PREFIX = "private-conversation-";
const PRESENCE_CONVERSATION_PREFIX = "presence-conversation-";

/** Ids as the database makes them (cuid); anything else in a channel name is refused. */
const ID_PATTERN = "[A-Za-z0-9_-]{1,64}";
const conversationChannelPattern = new RegExp(`^${CONVERSATION_PREFIX}(${ID_PATTERN})$`);
const presenceChannelPattern = new RegExp(`^${PRESENCE_CONVERSATION_PREFIX}(${ID_PATTERN})$`);

/** One conversation's thread: messages, ticks, reactions. */
export function conversationChannel(conversationId: string): string {
  return `${CONVERSATION_PREFIX}${conversationId}`;
}

/** Who is viewing one conversation (presence members are signed-in users). */
export function conversationPresenceChannel(conversationId: string): string {
  return `${PRESENCE_CONVERSATION_PREFIX}${conversationId}`;
}

export type ParsedChannel =
  | { kind: "inbox" }
  | { kind: "conversation"; conversationId: string }
  | { kind: "conversation-presence"; conversationId: string };

/** The channels this app uses, recognised by name; null for anything else (never authorized). */
export function parseChannelName(name: string): ParsedChannel | null {
  if (name === INBOX_CHANNEL) return { kind: "inbox" };
  const conversation = conversationChannelPattern.exec(name)?.[1];
  if (conversation) return { kind: "conversation", conversationId: conversation };
  const presence = presenceChannelPattern.exec(name)?.[1];
  if (presence) return { kind: "conversation-presence", conversationId: presence };
  return null;
}

export const realtimeEvents = {
  /** private-inbox: a conversation appeared (its first message arrived). */
  conversationCreated: "conversation-created",
  /** private-inbox: a conversation's last message, window or state changed — refresh its row. */
  conversationUpdated: "conversation-updated",
  /** private-inbox: unread counts of these conversations changed (new inbound messages). */
  unreadCountsChanged: "unread-counts-changed",
  /** private-conversation-<id>: a message was stored in the thread. */
  messageCreated: "message-created",
  /** private-conversation-<id>: a message's tick moved (never backwards: the server derives it). */
  messageStatusChanged: "message-status-changed",
  /** private-conversation-<id>: a reaction on a message was added, changed or removed. */
  reactionChanged: "reaction-changed",
  /** private-conversation-<id>: our message moved in the send pipeline (wamid known, failed, unknown, retried). */
  messageUpdated: "message-updated",
  /** private-inbox: sending was paused (token invalid, account blocked) or works again. */
  sendingStatusChanged: "sending-status-changed",
  /** private-inbox: these users were @mentioned in a note in this conversation. */
  mentionsCreated: "mentions-created",
  /** private-inbox: a user read a conversation (their other tabs' unread counts follow). */
  conversationRead: "conversation-read",
  /** private-inbox: Meta approved, paused, disabled, rejected or re-categorised templates. */
  templatesChanged: "templates-changed",
  /** private-inbox: an admin added, renamed, recoloured or deleted labels. */
  labelsChanged: "labels-changed",
  /** private-inbox: the team renamed a customer or changed its notes about them. */
  contactUpdated: "contact-updated",
  /** private-inbox: an admin added, renamed, re-optioned or deleted contact attributes. */
  contactAttributesChanged: "contact-attributes-changed",
  /** private-inbox: a conversation was folded into another (the customer's two numbers are one person). */
  conversationMerged: "conversation-merged",
  /** private-inbox: conversations were deleted (the sandbox's demo data); their rows go, their threads close. */
  conversationsDeleted: "conversations-deleted",
  /** private-inbox: a user set themselves online or away (auto-assignment picks only online ones). */
  availabilityChanged: "availability-changed",
  /** private-inbox: an admin changed numbers' business hours (the inbox reloads the numbers). */
  phoneNumbersChanged: "phone-numbers-changed",
} as const;

export type RealtimeEventName = (typeof realtimeEvents)[keyof typeof realtimeEvents];

/** The row as GET /api/conversations?ids= answers it, less each agent's own counts; absent when too big. */
type WithRow = { row?: SharedConversationRow };
/** The message as GET /api/messages/<id> answers it; absent when it would not fit in the event. */
type WithMessage = { message?: ThreadMessage };

export type ConversationCreatedEvent = { conversationId: string } & WithRow;
export type ConversationUpdatedEvent = {
  conversationId: string;
  /** The newest message stored by this change, when one was. */
  lastMessageId: string | null;
} & WithRow;
export type UnreadCountsChangedEvent = { conversationIds: string[] };
export type MessageCreatedEvent = {
  messageId: string;
  conversationId: string;
  direction: "inbound" | "outbound";
} & WithMessage;
export type MessageStatusChangedEvent = {
  messageId: string;
  wamid: string;
  conversationId: string;
  status: string;
  /** ISO time of the status that set this tick (Meta's timestamp). */
  statusAt: string | null;
  errorCode: number | null;
  errorTitle: string | null;
};
/** `message`: the reacted-to message with its reactions as they now stand. */
export type ReactionChangedEvent = { conversationId: string; targetWamid: string } & WithMessage;
export type MessageUpdatedEvent = { messageId: string; conversationId: string } & WithMessage;
/** The same shape GET /api/sending-status answers. */
export type SendingStatusChangedEvent = SendingStatusView;
/** Ids only (a note's text stays behind the JSON API); each browser checks whether it is named. */
export type MentionsCreatedEvent = { conversationId: string; userIds: string[] };
/** Ids only: the reader's other tabs refresh their unread counts; nobody else's change. */
export type ConversationReadEvent = { conversationId: string; userId: string };
/** The changed fields of each template (the picker patches its list with them). */
export type TemplatesChangedEvent = { templates: TemplateChange[] };
/** Ids only: the browser asks GET /api/labels (and its rows) again. */
export type LabelsChangedEvent = { labelIds: string[] };
export type PhoneNumbersChangedEvent = { phoneNumberIds: string[] };
/** Its id only: a panel showing it asks GET /api/contacts/[id] again. */
export type ContactUpdatedEvent = { contactId: string };
/** Ids only: every open contact panel asks GET /api/contacts/[id] again (a field came, changed or went). */
export type ContactAttributesChangedEvent = { attributeIds: string[] };
/** The row of `conversationId` goes; a browser showing its thread moves to `into`. */
export type ConversationMergedEvent = { conversationId: string; into: string };
/** At most 100 ids per event. */
export type ConversationsDeletedEvent = { conversationIds: string[] };

/** The user's new availability; every open inbox patches its list of agents. */
export type AvailabilityChangedEvent = { userId: string; availability: "online" | "away" };

/** Event name → payload, for typed bind() helpers on the client. */
export type RealtimeEventPayloads = {
  "conversation-created": ConversationCreatedEvent;
  "conversation-updated": ConversationUpdatedEvent;
  "unread-counts-changed": UnreadCountsChangedEvent;
  "message-created": MessageCreatedEvent;
  "message-status-changed": MessageStatusChangedEvent;
  "reaction-changed": ReactionChangedEvent;
  "message-updated": MessageUpdatedEvent;
  "sending-status-changed": SendingStatusChangedEvent;
  "mentions-created": MentionsCreatedEvent;
  "conversation-read": ConversationReadEvent;
  "templates-changed": TemplatesChangedEvent;
  "labels-changed": LabelsChangedEvent;
  "phone-numbers-changed": PhoneNumbersChangedEvent;
  "contact-updated": ContactUpdatedEvent;
  "contact-attributes-changed": ContactAttributesChangedEvent;
  "conversation-merged": ConversationMergedEvent;
  "conversations-deleted": ConversationsDeletedEvent;
  "availability-changed": AvailabilityChangedEvent;
};

/** What a presence member carries (user_info of the channel authorization). */
export type PresenceUserInfo = { name: string; role: "admin" | "agent" };

/**
 * presence-conversation-<id>: an agent is writing a reply. A Pusher client event — browser to
 * browser, never through our server — so it is cheap enough to send every few seconds; the Pusher
 * server adds the sender's user_id. Listeners forget a typist after TYPING_EXPIRES_MS without one.
 */
export const CLIENT_TYPING_EVENT = "client-typing";
/** typing false: the agent sent their reply or emptied the composer. */
export type ClientTypingEvent = { name: string; typing: boolean };
export const TYPING_EXPIRES_MS = 6_000;

/** GET /api/realtime/config — what pusher-js needs in the browser (public values only). */
export type RealtimeClientConfig = {
  key: string;
  /** Hosted Pusher's cluster; "" with a custom host. */
  cluster: string;
  /** A self-hosted or the local Pusher-protocol server; null for hosted Pusher. */
  wsHost: string | null;
  wsPort: number | null;
  forceTLS: boolean;
  authEndpoint: string;
  /** pusher:signin — names the socket's user, so signing out or deactivation can end it. */
  userAuthEndpoint: string;
};

export const REALTIME_AUTH_ENDPOINT = "/api/realtime/auth";
export const REALTIME_USER_AUTH_ENDPOINT = "/api/realtime/user-auth";
