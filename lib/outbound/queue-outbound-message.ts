import "server-only";
import type { Db } from "@/lib/db/client";
import {
  createOutboundMessage,
  type NewOutboundMessage,
  type SendTarget,
  touchAfterSend,
} from "@/lib/db/outbound-messages";
import { createOutboundSend } from "@/lib/db/outbound-sends";
import type { InboxChanges } from "@/lib/realtime/changes";
import { recipientOf } from "./send-rules";

// The one way an agent's message enters the send queue (replies, templates, files, retries): the
// message and its send job in the caller's transaction, so it shows at once as pending and the worker
// sends it exactly once, after the commit, at Meta's pace.

/** Meta's envelope for a message to this customer: `{ messaging_product, recipient_type, to | recipient, ...part }`. */
export function messagePayload(target: SendTarget, part: Record<string, unknown>): Record<string, unknown> {
  return { messaging_product: "whatsapp", recipient_type: "individual", ...recipientOf(target), ...part };
}

/**
 * Records an agent's message (no wamid yet, tick pending) with the request that will send it, moves
 * the conversation up the list (assigning it to the agent when nobody has it) and notes the changes
 * to publish once the transaction has committed.
 */
export async function queueOutboundMessage({
  db,
  target,
  message,
  payload,
  changes,
}: {
  db: Db;
  target: SendTarget;
  /** authorId null: sent by the app itself (the away message, the greeting), which assigns nobody. */
  message: Omit<NewOutboundMessage, "conversationId" | "authorKind">;
  payload: unknown;
  changes: InboxChanges;
}): Promise<{ id: string; timestamp: Date }> {
  const { conversationId } = target;
  const authorKind = message.authorId === null ? "system" : "agent";
  const created = await createOutboundMessage({ db, message: { ...message, conversationId, authorKind } });
  await createOutboundSend({
    db,
    send: {
      kind: "message",
      messageId: created.id,
      conversationId,
      phoneNumberId: target.phoneNumberId,
      recipientKey: target.contactId,
      payload,
      context: null,
    },
  });
  await touchAfterSend({ db, conversationId, at: created.timestamp, assignTo: message.authorId });
  changes.messagesCreated.push({ id: created.id, conversationId, direction: "outbound" });
  changes.conversationsUpdated.push(conversationId);
  return created;
}
