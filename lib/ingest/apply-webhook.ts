import "server-only";
import type { Db } from "@/lib/db/client";
import { createAccountEventsIfNew } from "@/lib/db/account-events";
import { type ContactIdentity, contactKey, ensureContacts } from "@/lib/db/contacts";
import {
  type ConversationTouch,
  conversationKey,
  ensureConversations,
  touchConversations,
} from "@/lib/db/conversations";
import { createMessagesIfNew, type NewMessage, refreshMessageStatuses } from "@/lib/db/messages";
import { createMediaDownloads } from "@/lib/db/media";
import { ensurePhoneNumber } from "@/lib/db/phone-numbers";
import { upsertReaction } from "@/lib/db/reactions";
import { createStatusEventsIfNew, lockWamids } from "@/lib/db/status-events";
import { incrementWebhookCounters, type WebhookCounterName } from "@/lib/db/webhook-counters";
import type { ParsedChange, ParsedContact, ParsedMessage, ParsedWebhook } from "@/lib/whatsapp/parse-webhook";
import { emptyInboxChanges, type InboxChanges } from "@/lib/realtime/changes";
import { type NewInboundMessage, queueAutoReplies } from "@/lib/hours/queue-auto-replies";
import { applyTemplateEvents } from "@/lib/templates/apply-template-events";
import { TEMPLATE_EVENT_FIELDS } from "@/lib/whatsapp/template-schema";
import { autoAssignConversations } from "@/lib/assignment/auto-assign-conversations";
import { accountEventKey, legacyAccountEventKey } from "./account-event-key";
import { applyMessageEchoes } from "./apply-echoes";
import { applyNumberChanges, followMerges } from "./apply-number-changes";
import { numberErrorEvents } from "./number-errors";

type MessagesChange = Extract<ParsedChange, { kind: "messages" }>;
type OtherChange = Extract<ParsedChange, { kind: "other" }>;
export type StoredWebhook = { rawEventId: bigint; webhook: ParsedWebhook };

/**
 * Applies a batch of parsed webhooks inside the caller's transaction with a fixed number of
 * set-based statements, however many events the batch holds (that is what lets processing keep
 * pace with the ack path). Every write is idempotent — unique keys, monotonic updates — so applying
 * an event twice (a Meta retry, a replay) changes nothing the second time, in any order.
 */
export async function applyWebhooks({ db, events }: { db: Db; events: StoredWebhook[] }): Promise<InboxChanges> {
  const changes = emptyInboxChanges();
  const messageChanges: { rawEventId: bigint; change: MessagesChange }[] = [];
  const otherChanges: { rawEventId: bigint; change: OtherChange }[] = [];
  for (const { rawEventId, webhook } of events) {
    for (const change of webhook.changes) {
      if (change.kind === "messages") messageChanges.push({ rawEventId, change });
      else otherChanges.push({ rawEventId, change });
    }
  }

  changes.accountEvents = (
    await createAccountEventsIfNew({
      db,
      events: [
        ...otherChanges.map(({ rawEventId, change }) => ({
          dedupeKey: accountEventKey(change),
          legacyDedupeKey: legacyAccountEventKey(change),
          rawEventId,
          field: change.field,
          wabaId: change.wabaId,
          value: change.value,
        })),
        ...numberErrorEvents(messageChanges),
      ],
    })
  ).map((field) => ({ field }));
  // Template webhooks move the templates table (the picker shows it at once).
  const templateKeys = otherChanges
    .filter(({ change }) => (TEMPLATE_EVENT_FIELDS as readonly string[]).includes(change.field))
    .map(({ change }) => accountEventKey(change));
  changes.templatesChanged = (await applyTemplateEvents({ db, dedupeKeys: templateKeys })).changed;
  const duplicates = messageChanges.length > 0 ? await applyMessageChanges({ db, messageChanges, changes }) : 0;
  await applyMessageEchoes({
    db,
    changes,
    batches: otherChanges.flatMap(({ rawEventId, change }) =>
      change.echoes.length > 0 && change.phoneNumberId
        ? [
            {
              rawEventId,
              wabaId: change.wabaId,
              phoneNumberId: change.phoneNumberId,
              displayPhoneNumber: change.displayPhoneNumber,
              echoes: change.echoes,
            },
          ]
        : [],
    ),
  });
  await incrementWebhookCounters({
    db,
    increments: [
      ...healthCounters({ otherChanges, messageChanges }),
      // Meta's retries, seen from the inside: items that were already stored.
      { name: "duplicate_deliveries" as const, by: duplicates },
    ].filter((increment) => increment.by > 0),
  });
  return changes;
}

/** Messages and statuses of a batch; returns how many of them were already stored (duplicates). */
async function applyMessageChanges({
  db,
  messageChanges,
  changes,
}: {
  db: Db;
  messageChanges: { rawEventId: bigint; change: MessagesChange }[];
  changes: InboxChanges;
}): Promise<number> {
  await lockWamids({
    db,
    wamids: messageChanges.flatMap(({ change }) => change.statuses.map((status) => status.wamid)),
  });
  const phoneRowIds = new Map<string, string>();
  for (const { change } of messageChanges) {
    if (phoneRowIds.has(change.phoneNumberId)) continue;
    const id = await ensurePhoneNumber({
      db,
      phoneNumberId: change.phoneNumberId,
      displayPhoneNumber: change.displayPhoneNumber,
      wabaId: change.wabaId,
    });
    phoneRowIds.set(change.phoneNumberId, id);
  }

  // Who sent what: one identity per message (the parser reports senders without any id).
  const inbound = messageChanges.flatMap(({ rawEventId, change }) =>
    change.messages.flatMap((message) => {
      const identity = senderIdentity(message, change.contacts);
      return identity ? [{ rawEventId, message, identity, phoneRowId: phoneRowIds.get(change.phoneNumberId)! }] : [];
    }),
  );
  const contactIds = await ensureContacts({ db, identities: inbound.map((item) => item.identity) });
  const withContact = inbound.map((item) => ({ ...item, contactId: contactIds.get(contactKey(item.identity))! }));
  const conversations = await ensureConversations({
    db,
    pairs: withContact.map((item) => ({ contactId: item.contactId, phoneNumberId: item.phoneRowId })),
  });
  for (const conversation of conversations.values()) {
    if (conversation.created) changes.conversationsCreated.push(conversation.id);
  }
  const located = withContact.map((item) => ({
    ...item,
    conversationId: conversations.get(conversationKey(item.contactId, item.phoneRowId))!.id,
  }));

  const touches: ConversationTouch[] = [];
  for (const item of located.filter((entry) => entry.message.reaction)) {
    const reaction = item.message.reaction!;
    const changed = await upsertReaction({
      db,
      reaction: {
        targetWamid: reaction.targetWamid,
        fromKey: item.contactId,
        direction: "inbound",
        emoji: reaction.emoji,
        wamid: item.message.wamid,
        timestamp: item.message.timestamp.date,
      },
    });
    if (changed) {
      changes.reactionsChanged.push({ targetWamid: reaction.targetWamid, conversationId: item.conversationId });
    }
    // A reaction is customer activity: it opens the 24-hour window but is not a thread message.
    touches.push({ id: item.conversationId, messageAt: null, inboundAt: item.message.timestamp.date });
  }

  const threadMessages = located.filter((entry) => !entry.message.reaction);
  const created = await createMessagesIfNew({
    db,
    messages: threadMessages.map((item): NewMessage =>
      toNewMessage(item.message, item.conversationId, item.rawEventId),
    ),
  });
  // Media messages get their download job in the same transaction (lib/media downloads them).
  changes.mediaQueued = await createMediaDownloads({ db, messageIds: created.map((row) => row.id) });
  const createdWamids = new Set(created.map((row) => row.wamid));
  changes.messagesCreated = created.map((row) => ({
    id: row.id,
    conversationId: row.conversationId,
    direction: "inbound" as const,
  }));
  for (const item of threadMessages) {
    if (!createdWamids.has(item.message.wamid)) continue; // already stored: a retry
    // A flagged timestamp was replaced by the receive time, still the best clock for the window.
    const at = item.message.timestamp.date;
    touches.push({ id: item.conversationId, messageAt: at, inboundAt: at });
  }
  const reopened = await touchConversations({ db, touches });
  // Auto-assignment: new conversations and re-opened unassigned ones go round-robin to online agents.
  await autoAssignConversations({ db, conversationIds: [...changes.conversationsCreated, ...reopened] });
  // Business hours: the away message / greeting for customer messages stored just now (lib/hours).
  await queueAutoReplies({ db, messages: newInboundMessages(threadMessages, created), changes });
  const merges = await applyNumberChanges({
    db,
    messages: threadMessages.flatMap((item) => (createdWamids.has(item.message.wamid) ? [item.message] : [])),
  });
  changes.conversationsUpdated = [...new Set(touches.map((touch) => touch.id))];
  followMerges(changes, merges);
  const createdConversations = new Set(changes.conversationsCreated);
  changes.conversationsUpdated = changes.conversationsUpdated.filter((id) => !createdConversations.has(id));

  const statusEvents = messageChanges.flatMap(({ rawEventId, change }) =>
    change.statuses.map((status) => ({
      wamid: status.wamid,
      status: status.status,
      timestamp: status.timestamp.date,
      timestampIssue: status.timestamp.issue,
      recipientId: status.recipientId ?? status.recipientUserId,
      phoneNumberId: change.phoneNumberId,
      errorCode: status.errorCode,
      errorTitle: status.errorTitle,
      errors: status.errors,
      pricing: status.pricing,
      conversation: status.conversation,
      bizOpaqueData: status.bizOpaqueData,
      rawEventId,
    })),
  );
  const statuses = await createStatusEventsIfNew({ db, events: statusEvents });
  changes.statusesChanged = await refreshMessageStatuses({ db, wamids: statuses.wamids });

  return threadMessages.length - created.length + (statusEvents.length - statuses.inserted);
}

/** The customer messages this batch stored for the first time, with Meta's timestamps. */
function newInboundMessages(
  threadMessages: { message: ParsedMessage }[],
  created: { id: string; wamid: string; conversationId: string }[],
): NewInboundMessage[] {
  const timestamps = new Map(threadMessages.map((item) => [item.message.wamid, item.message.timestamp.date]));
  return created.map((row) => ({
    id: row.id,
    conversationId: row.conversationId,
    timestamp: timestamps.get(row.wamid) ?? new Date(),
  }));
}

/** What the webhook health page shows: the last event per field and per number. */
function healthCounters({
  otherChanges,
  messageChanges,
}: {
  otherChanges: { change: OtherChange }[];
  messageChanges: { change: MessagesChange }[];
}): { name: WebhookCounterName; by: number }[] {
  const increments: { name: WebhookCounterName; by: number }[] = [];
  for (const { change } of otherChanges) increments.push({ name: `field:${change.field}`, by: 1 });
  for (const { change } of messageChanges) {
    increments.push({ name: "field:messages", by: 1 });
    if (change.messages.length > 0) {
      increments.push({ name: `number:${change.phoneNumberId}:messages`, by: change.messages.length });
    }
    if (change.statuses.length > 0) {
      increments.push({ name: `number:${change.phoneNumberId}:statuses`, by: change.statuses.length });
    }
  }
  return increments;
}

function toNewMessage(message: ParsedMessage, conversationId: string, rawEventId: bigint): NewMessage {
  return {
    wamid: message.wamid,
    conversationId,
    direction: "inbound",
    type: message.type,
    text: message.text,
    content: message.content,
    timestamp: message.timestamp.date,
    timestampIssue: message.timestamp.issue,
    replyToWamid: message.replyToWamid,
    forwarded: message.forwarded,
    referral: message.referral,
    errors: message.errors,
    status: null,
    rawEventId,
  };
}

/** The sender as the `contacts` array describes them, matched by wa_id or BSUID. */
function senderIdentity(message: ParsedMessage, contacts: ParsedContact[]): ContactIdentity | null {
  const listed = contacts.find(
    (contact) =>
      (message.from !== null && contact.waId === message.from) ||
      (message.fromUserId !== null && contact.userId === message.fromUserId),
  );
  const waId = message.from ?? listed?.waId ?? null;
  const userId = message.fromUserId ?? listed?.userId ?? null;
  if (!waId && !userId) return null;
  return { waId, userId, profileName: listed?.profileName ?? null, username: listed?.username ?? null };
}
