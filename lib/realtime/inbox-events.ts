import "server-only";
import type { SharedConversationRow, ThreadMessage } from "@/lib/views/inbox";
import type { InboxChanges } from "./changes";
import {
  type ConversationCreatedEvent,
  type ConversationUpdatedEvent,
  conversationChannel,
  INBOX_CHANNEL,
  type MentionsCreatedEvent,
  type ConversationReadEvent,
  type MessageCreatedEvent,
  type MessageStatusChangedEvent,
  type MessageUpdatedEvent,
  type ReactionChangedEvent,
  type RealtimeEventPayloads,
  realtimeEvents,
  type UnreadCountsChangedEvent,
} from "./channels";

export type RealtimeEvent = {
  [N in keyof RealtimeEventPayloads]: { channel: string; name: N; data: RealtimeEventPayloads[N] };
}[keyof RealtimeEventPayloads];

// ~30 bytes per id keeps an unread event far below Pusher's 10 KB per event.
const IDS_PER_EVENT = 100;

/**
 * Pusher refuses an event whose data is over 10 KB (10,240 bytes) — and with it the whole batch
 * it was sent in. A view goes into an event only when the event stays within this, 1 KB short of
 * the limit; otherwise the event goes without it and the browser fetches the view by id.
 */
export const EVENT_DATA_BUDGET_BYTES = 9 * 1024;

/** The views of what one batch changed, read right after its commit (lib/inbox/load-event-views.ts). */
export type EventViews = {
  /** Created and updated messages and reactions' targets, by id. */
  messages: Map<string, ThreadMessage>;
  rows: Map<string, SharedConversationRow>;
};

export const noEventViews = (): EventViews => ({ messages: new Map(), rows: new Map() });

/** `data` with the view under `key` when that still fits the budget, else `data` as it is. */
export function withView<T extends object, K extends "message" | "row", V>(
  data: T,
  key: K,
  view: V | undefined,
): T & { [key in K]?: V } {
  if (view === undefined) return data;
  const full = { ...data, [key]: view };
  return Buffer.byteLength(JSON.stringify(full), "utf8") <= EVENT_DATA_BUDGET_BYTES ? full : data;
}

/**
 * What the browser is told about one batch of committed changes: list-level events on the inbox
 * channel, thread-level events on each conversation's channel — ids and changed fields, and the
 * message or row itself when it fits (`views`; none: ids only, the browser fetches).
 */
export function realtimeEventsFor(changes: InboxChanges, views: EventViews = noEventViews()): RealtimeEvent[] {
  const events: RealtimeEvent[] = [];
  const created = new Set(changes.conversationsCreated);

  for (const conversationId of created) {
    const data: ConversationCreatedEvent = withView({ conversationId }, "row", views.rows.get(conversationId));
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.conversationCreated, data });
  }

  // The newest stored message per conversation, so a list row can update its preview.
  const lastMessage = new Map<string, string>();
  for (const message of changes.messagesCreated) lastMessage.set(message.conversationId, message.id);
  const updated = new Set([...changes.conversationsUpdated, ...lastMessage.keys()].filter((id) => !created.has(id)));
  for (const conversationId of updated) {
    const data: ConversationUpdatedEvent = withView(
      { conversationId, lastMessageId: lastMessage.get(conversationId) ?? null },
      "row",
      views.rows.get(conversationId),
    );
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.conversationUpdated, data });
  }

  const unread = [
    ...new Set(changes.messagesCreated.filter((m) => m.direction === "inbound").map((m) => m.conversationId)),
  ];
  for (let start = 0; start < unread.length; start += IDS_PER_EVENT) {
    const data: UnreadCountsChangedEvent = { conversationIds: unread.slice(start, start + IDS_PER_EVENT) };
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.unreadCountsChanged, data });
  }

  for (const message of changes.messagesCreated) {
    const data: MessageCreatedEvent = withView(
      { messageId: message.id, conversationId: message.conversationId, direction: message.direction },
      "message",
      views.messages.get(message.id),
    );
    events.push({ channel: conversationChannel(message.conversationId), name: realtimeEvents.messageCreated, data });
  }

  for (const status of changes.statusesChanged) {
    const data: MessageStatusChangedEvent = {
      messageId: status.id,
      wamid: status.wamid,
      conversationId: status.conversationId,
      status: status.status,
      statusAt: status.statusAt?.toISOString() ?? null,
      errorCode: status.errorCode,
      // Meta's titles are short; the cap keeps a pathological one from breaking the 10 KB limit.
      errorTitle: status.errorTitle?.slice(0, 500) ?? null,
    };
    events.push({
      channel: conversationChannel(status.conversationId),
      name: realtimeEvents.messageStatusChanged,
      data,
    });
  }

  const byWamid = new Map([...views.messages.values()].map((message) => [message.wamid, message]));
  const reactions = new Map<string, ReactionChangedEvent>();
  for (const reaction of changes.reactionsChanged) {
    const target = byWamid.get(reaction.targetWamid);
    reactions.set(
      `${reaction.conversationId}\n${reaction.targetWamid}`,
      withView(
        { conversationId: reaction.conversationId, targetWamid: reaction.targetWamid },
        "message",
        target?.conversationId === reaction.conversationId ? target : undefined,
      ),
    );
  }
  for (const data of reactions.values()) {
    events.push({ channel: conversationChannel(data.conversationId), name: realtimeEvents.reactionChanged, data });
  }

  const sendUpdates = new Map(changes.messagesUpdated.map((message) => [message.id, message.conversationId]));
  for (const [messageId, conversationId] of sendUpdates) {
    const data: MessageUpdatedEvent = withView({ messageId, conversationId }, "message", views.messages.get(messageId));
    events.push({ channel: conversationChannel(conversationId), name: realtimeEvents.messageUpdated, data });
  }

  for (const read of changes.conversationsRead) {
    const data: ConversationReadEvent = { conversationId: read.conversationId, userId: read.userId };
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.conversationRead, data });
  }
  for (const mention of changes.mentionsCreated) {
    const data: MentionsCreatedEvent = { conversationId: mention.conversationId, userIds: mention.userIds };
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.mentionsCreated, data });
  }

  const sendingStatus = changes.sendingStatus.at(-1);
  if (sendingStatus) {
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.sendingStatusChanged, data: sendingStatus });
  }
  // ~150 bytes per template: 20 per event stays far below Pusher's 10 KB.
  for (let start = 0; start < changes.templatesChanged.length; start += 20) {
    const templates = changes.templatesChanged.slice(start, start + 20).map((template) => ({
      id: template.id,
      status: template.status,
      reason: template.reason?.slice(0, 200) ?? null,
      category: template.category,
      quality: template.quality,
    }));
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.templatesChanged, data: { templates } });
  }
  if (changes.labelsChanged.length > 0) {
    const labelIds = [...new Set(changes.labelsChanged)].slice(0, IDS_PER_EVENT);
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.labelsChanged, data: { labelIds } });
  }
  if (changes.contactAttributesChanged.length > 0) {
    const attributeIds = [...new Set(changes.contactAttributesChanged)].slice(0, IDS_PER_EVENT);
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.contactAttributesChanged, data: { attributeIds } });
  }
  if (changes.phoneNumbersChanged.length > 0) {
    const phoneNumberIds = [...new Set(changes.phoneNumbersChanged)].slice(0, IDS_PER_EVENT);
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.phoneNumbersChanged, data: { phoneNumberIds } });
  }
  for (const contactId of new Set(changes.contactsUpdated)) {
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.contactUpdated, data: { contactId } });
  }
  for (let start = 0; start < changes.conversationsDeleted.length; start += IDS_PER_EVENT) {
    const conversationIds = changes.conversationsDeleted.slice(start, start + IDS_PER_EVENT);
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.conversationsDeleted, data: { conversationIds } });
  }
  for (const { userId, availability } of changes.availabilityChanged) {
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.availabilityChanged, data: { userId, availability } });
  }
  for (const { from, into } of changes.conversationsMerged) {
    events.push({
      channel: INBOX_CHANNEL,
      name: realtimeEvents.conversationMerged,
      data: { conversationId: from, into },
    });
  }
  return events;
}
