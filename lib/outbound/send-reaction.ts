import "server-only";
import { getDb } from "@/lib/db/client";
import { getMessageRef } from "@/lib/db/outbound-messages";
import { createOutboundSend } from "@/lib/db/outbound-sends";
import { getOwnReaction, upsertReaction } from "@/lib/db/reactions";
import { AppError } from "@/lib/http/app-error";
import { getThreadMessageOrThrow } from "@/lib/inbox/get-thread-message-or-throw";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import type { ThreadMessage } from "@/lib/views/inbox";
import type { ReactionSendContext } from "./record-send-results";
import type { SendReactionBody } from "./schemas";
import { messagePayload } from "./queue-outbound-message";
import { assertAccessTokenConfigured, assertWindowOpen, lockSendTargetOrThrow } from "./send-rules";

/**
 * Our reaction to a customer's message: shown at once (one per business number on a message, as
 * WhatsApp keeps one per participant; reacting again replaces it, "" removes it) and queued for
 * sending. If Meta refuses it, the reaction goes back to what it was.
 */
export async function sendReaction({
  conversationId,
  body,
}: {
  conversationId: string;
  body: SendReactionBody;
}): Promise<ThreadMessage> {
  await assertAccessTokenConfigured();
  const changes = emptyInboxChanges();
  const targetId = await getDb().$transaction(async (db) => {
    const target = await lockSendTargetOrThrow({ db, conversationId });
    const message = await getMessageRef({ db, id: body.targetMessageId });
    if (!message || message.conversationId !== conversationId || !message.wamid) {
      throw new AppError("validation_failed", {
        message: `reaction target ${body.targetMessageId} is not a message of ${conversationId}`,
        userMessage: "targetMessageId: that message is not in this conversation",
      });
    }
    if (message.direction !== "inbound") {
      throw new AppError("validation_failed", {
        message: `reaction target ${body.targetMessageId} is our own message`,
        userMessage: "targetMessageId: react to the customer's messages, not to our own",
      });
    }
    assertWindowOpen(target);
    const fromKey = `business:${target.phoneNumberId}`;
    const previous = await getOwnReaction({ db, targetWamid: message.wamid, fromKey });
    const changed = await upsertReaction({
      db,
      reaction: {
        targetWamid: message.wamid,
        fromKey,
        direction: "outbound",
        emoji: body.emoji,
        wamid: `pending:${body.clientId}`,
        timestamp: new Date(),
      },
    });
    if (!changed || (previous ?? "") === body.emoji) return message.id;
    const context: ReactionSendContext = { targetWamid: message.wamid, fromKey, previousEmoji: previous ?? "" };
    await createOutboundSend({
      db,
      send: {
        kind: "reaction",
        messageId: null,
        conversationId,
        phoneNumberId: target.phoneNumberId,
        recipientKey: target.contactId,
        payload: messagePayload(target, {
          type: "reaction",
          reaction: { message_id: message.wamid, emoji: body.emoji },
        }),
        context,
      },
    });
    changes.reactionsChanged.push({ targetWamid: message.wamid, conversationId });
    return message.id;
  });
  await publishInboxChanges(changes);
  return getThreadMessageOrThrow({ id: targetId });
}
