import "server-only";
import type { InboxChanges } from "@/lib/inbox/inbox-changes";
import {
  type ConversationCreatedEvent,
  type ConversationUpdatedEvent,
  conversationChannel,
  INBOX_CHANNEL,
  type MessageCreatedEvent,
  type MessageStatusChangedEvent,
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
 * What the browser is told about one batch of committed changes: list-level events on the inbox
 * channel, thread-level events on each conversation's channel. Ids and changed fields only.
 */
export function realtimeEventsFor(changes: InboxChanges): RealtimeEvent[] {
  const events: RealtimeEvent[] = [];
  const created = new Set(changes.conversationsCreated);

  for (const conversationId of created) {
    const data: ConversationCreatedEvent = { conversationId };
    events.push({ channel: INBOX_CHANNEL, name: realtimeEvents.conversationCreated, data });
  }

  // The newest stored message per conversation, so a list row can update its preview.
  const lastMessage = new Map<string, string>();
  for (const message of changes.messagesCreated) lastMessage.set(message.conversationId, message.id);
  const updated = new Set([...changes.conversationsUpdated, ...lastMessage.keys()].filter((id) => !created.has(id)));
  for (const conversationId of updated) {
    const data: ConversationUpdatedEvent = { conversationId, lastMessageId: lastMessage.get(conversationId) ?? null };
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
    const data: MessageCreatedEvent = {
      messageId: message.id,
      conversationId: message.conversationId,
      direction: message.direction,
    };
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

  const reactions = new Map<string, ReactionChangedEvent>();
  for (const reaction of changes.reactionsChanged) {
    reactions.set(`${reaction.conversationId}\n${reaction.targetWamid}`, {
      conversationId: reaction.conversationId,
      targetWamid: reaction.targetWamid,
    });
  }
  for (const data of reactions.values()) {
    events.push({ channel: conversationChannel(data.conversationId), name: realtimeEvents.reactionChanged, data });
  }
  return events;
}
