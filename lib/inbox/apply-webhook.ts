import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { createAccountEventIfNew } from "@/lib/db/account-events";
import { ensureContact } from "@/lib/db/contacts";
import { ensureConversation, touchConversation } from "@/lib/db/conversations";
import { createMessageIfNew, refreshMessageStatuses } from "@/lib/db/messages";
import { ensurePhoneNumber } from "@/lib/db/phone-numbers";
import { upsertReaction } from "@/lib/db/reactions";
import { createStatusEventIfNew, lockWamids } from "@/lib/db/status-events";
import type { ParsedChange, ParsedContact, ParsedMessage, ParsedWebhook } from "@/lib/whatsapp/parse-webhook";
import { emptyInboxChanges, type InboxChanges } from "./inbox-changes";

type MessagesChange = Extract<ParsedChange, { kind: "messages" }>;

/**
 * Applies one parsed webhook inside the caller's transaction. Every write is idempotent (unique
 * keys, monotonic updates), so applying the same event twice — a Meta retry, a replay — changes
 * nothing the second time, and events may be applied in any order.
 */
export async function applyWebhook({
  db,
  webhook,
  rawEventId,
}: {
  db: Db;
  webhook: ParsedWebhook;
  rawEventId: bigint;
}): Promise<InboxChanges> {
  const changes = emptyInboxChanges();
  const statusWamids = webhook.changes.flatMap((change) =>
    change.kind === "messages" ? change.statuses.map((status) => status.wamid) : [],
  );
  await lockWamids({ db, wamids: statusWamids });
  for (const change of webhook.changes) {
    if (change.kind === "other") {
      const created = await createAccountEventIfNew({
        db,
        dedupeKey: accountEventKey(change),
        rawEventId,
        field: change.field,
        wabaId: change.wabaId,
        value: change.value,
      });
      if (created) changes.accountEvents.push({ field: change.field });
      continue;
    }
    await applyMessagesChange({ db, change, rawEventId, changes });
  }
  return changes;
}

async function applyMessagesChange({
  db,
  change,
  rawEventId,
  changes,
}: {
  db: Db;
  change: MessagesChange;
  rawEventId: bigint;
  changes: InboxChanges;
}) {
  const phoneNumberRowId = await ensurePhoneNumber({
    db,
    phoneNumberId: change.phoneNumberId,
    displayPhoneNumber: change.displayPhoneNumber,
    wabaId: change.wabaId,
  });
  for (const message of change.messages) {
    const identity = senderIdentity(message, change.contacts);
    if (!identity) continue; // the parser reports senders without any id as problems
    const contactId = await ensureContact({ db, identity });
    const conversation = await ensureConversation({ db, contactId, phoneNumberId: phoneNumberRowId });
    if (conversation.created) changes.conversationsCreated.push(conversation.id);
    if (message.reaction) {
      const changed = await upsertReaction({
        db,
        reaction: {
          targetWamid: message.reaction.targetWamid,
          fromKey: contactId,
          direction: "inbound",
          emoji: message.reaction.emoji,
          wamid: message.wamid,
          timestamp: message.timestamp.date,
        },
      });
      if (changed) changes.reactionsChanged.push({ targetWamid: message.reaction.targetWamid });
      // A reaction is customer activity: it opens the 24-hour window but is not a thread message.
      await touchConversation({ db, id: conversation.id, messageAt: null, inboundAt: message.timestamp.date });
      continue;
    }
    const id = await createMessageIfNew({
      db,
      message: {
        wamid: message.wamid,
        conversationId: conversation.id,
        direction: "inbound",
        type: message.type,
        text: message.text,
        content: message.content,
        timestamp: message.timestamp.date,
        timestampIssue: message.timestamp.issue,
        replyToWamid: message.replyToWamid,
        referral: message.referral,
        errors: message.errors,
        status: null,
        rawEventId,
      },
    });
    if (!id) continue; // already stored: a retry
    changes.messagesCreated.push({ id, conversationId: conversation.id });
    // A flagged timestamp was replaced by the receive time, still the best clock for the window.
    const at = message.timestamp.date;
    await touchConversation({ db, id: conversation.id, messageAt: at, inboundAt: at });
    if (!conversation.created) changes.conversationsUpdated.push(conversation.id);
  }
  const storedStatusWamids: string[] = [];
  for (const status of change.statuses) {
    const created = await createStatusEventIfNew({
      db,
      event: {
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
      },
    });
    if (created) storedStatusWamids.push(status.wamid);
  }
  changes.statusesChanged.push(...(await refreshMessageStatuses({ db, wamids: storedStatusWamids })));
}

/** The sender as the `contacts` array describes them, matched by wa_id or BSUID. */
function senderIdentity(message: ParsedMessage, contacts: ParsedContact[]): ParsedContact | null {
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

/** Same content ⇒ same key, however Meta re-serialised it on a retry. */
function accountEventKey(change: Extract<ParsedChange, { kind: "other" }>): string {
  const canonical = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
    if (value !== null && typeof value === "object") {
      const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
    }
    return JSON.stringify(value);
  };
  return createHash("sha256")
    .update(`${change.field}\n${change.wabaId ?? ""}\n${canonical(change.value)}`)
    .digest("hex");
}
