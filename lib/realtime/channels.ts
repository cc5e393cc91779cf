// Realtime channel names, event names and payloads — the one contract between the server that
// triggers (lib/realtime/server.ts) and the browser that subscribes. No server imports here.
//
// Payloads carry ids and changed fields only: Pusher caps an event at 10 KB, and the client already
// has (or fetches) everything else through the JSON API.

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
} as const;

export type RealtimeEventName = (typeof realtimeEvents)[keyof typeof realtimeEvents];

export type ConversationCreatedEvent = { conversationId: string };
export type ConversationUpdatedEvent = {
  conversationId: string;
  /** The newest message stored by this change, when one was. */
  lastMessageId: string | null;
};
export type UnreadCountsChangedEvent = { conversationIds: string[] };
export type MessageCreatedEvent = {
  messageId: string;
  conversationId: string;
  direction: "inbound" | "outbound";
};
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
export type ReactionChangedEvent = { conversationId: string; targetWamid: string };

/** Event name → payload, for typed bind() helpers on the client. */
export type RealtimeEventPayloads = {
  "conversation-created": ConversationCreatedEvent;
  "conversation-updated": ConversationUpdatedEvent;
  "unread-counts-changed": UnreadCountsChangedEvent;
  "message-created": MessageCreatedEvent;
  "message-status-changed": MessageStatusChangedEvent;
  "reaction-changed": ReactionChangedEvent;
};

/** What a presence member carries (user_info of the channel authorization). */
export type PresenceUserInfo = { name: string; role: "admin" | "agent" };

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
};

export const REALTIME_AUTH_ENDPOINT = "/api/realtime/auth";
