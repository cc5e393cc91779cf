import "server-only";
import type { Db } from "@/lib/db/client";
import { contactKey, ensureContacts } from "@/lib/db/contacts";
import { conversationKey, ensureConversations, touchConversations } from "@/lib/db/conversations";
import { markMessagesFromBusinessApp } from "@/lib/db/outbound-messages";
import { createMessagesIfNew, refreshMessageStatuses } from "@/lib/db/messages";
import { ensurePhoneNumber } from "@/lib/db/phone-numbers";
import { lockWamids } from "@/lib/db/status-events";
import type { InboxChanges } from "@/lib/realtime/changes";
import type { ParsedEcho } from "@/lib/whatsapp/webhook-types";

export type StoredEchoes = {
  rawEventId: bigint;
  wabaId: string | null;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  echoes: ParsedEcho[];
};

/**
 * Messages the business sent from the WhatsApp Business app on the same number (coexistence):
 * they join the customer's thread as ours, from "WhatsApp Business app", idempotent by wamid like
 * every message, and statuses Meta already sent for them apply at once.
 */
export async function applyMessageEchoes({
  db,
  batches,
  changes,
}: {
  db: Db;
  batches: StoredEchoes[];
  changes: InboxChanges;
}): Promise<void> {
  const items = [];
  for (const batch of batches) {
    const phoneRowId = await ensurePhoneNumber({
      db,
      phoneNumberId: batch.phoneNumberId,
      displayPhoneNumber: batch.displayPhoneNumber,
      wabaId: batch.wabaId,
    });
    for (const echo of batch.echoes) {
      if (!echo.to && !echo.toUserId) continue;
      items.push({ rawEventId: batch.rawEventId, echo, phoneRowId });
    }
  }
  if (items.length === 0) return;
  const identities = items.map(({ echo }) => ({
    waId: echo.to,
    userId: echo.toUserId,
    profileName: null,
    username: null,
  }));
  const contactIds = await ensureContacts({ db, identities });
  const pairs = items.map((item, index) => ({
    contactId: contactIds.get(contactKey(identities[index]!))!,
    phoneNumberId: item.phoneRowId,
  }));
  const conversations = await ensureConversations({ db, pairs });
  for (const conversation of conversations.values()) {
    if (conversation.created) changes.conversationsCreated.push(conversation.id);
  }
  const located = items.map((item, index) => ({
    ...item,
    conversationId: conversations.get(conversationKey(pairs[index]!.contactId, pairs[index]!.phoneNumberId))!.id,
  }));
  await lockWamids({ db, wamids: located.map(({ echo }) => echo.wamid) });
  const created = await createMessagesIfNew({
    db,
    messages: located.map(({ echo, conversationId, rawEventId }) => ({
      wamid: echo.wamid,
      conversationId,
      direction: "outbound",
      type: echo.type,
      text: echo.text,
      content: echo.content,
      timestamp: echo.timestamp.date,
      timestampIssue: echo.timestamp.issue,
      replyToWamid: echo.replyToWamid,
      forwarded: echo.forwarded,
      referral: null,
      errors: echo.errors,
      status: "pending",
      rawEventId,
    })),
  });
  if (created.length === 0) return;
  await markMessagesFromBusinessApp({ db, ids: created.map((row) => row.id) });
  for (const row of created) {
    changes.messagesCreated.push({ id: row.id, conversationId: row.conversationId, direction: "outbound" });
  }
  const createdWamids = new Set(created.map((row) => row.wamid));
  await touchConversations({
    db,
    touches: located
      .filter(({ echo }) => createdWamids.has(echo.wamid))
      .map(({ echo, conversationId }) => ({ id: conversationId, messageAt: echo.timestamp.date, inboundAt: null })),
  });
  changes.conversationsUpdated.push(...new Set(created.map((row) => row.conversationId)));
  changes.statusesChanged.push(...(await refreshMessageStatuses({ db, wamids: [...createdWamids] })));
}
