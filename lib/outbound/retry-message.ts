import "server-only";
import { copyOutboundMedia } from "@/lib/db/outbound-media";
import { getDb } from "@/lib/db/client";
import { getMessageByClientId, getMessageRef, getRetryOf, lockSendTarget } from "@/lib/db/outbound-messages";
import { getOutboundPayload } from "@/lib/db/outbound-sends";
import { AppError } from "@/lib/http/app-error";
import { getThreadMessageOrThrow } from "@/lib/inbox/get-thread-message-or-throw";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import type { ThreadMessage } from "@/lib/views/inbox";
import { queueOutboundMessage } from "./queue-outbound-message";
import type { RetryMessageBody } from "./schemas";
import { assertAccessTokenConfigured, assertWindowOpen } from "./send-rules";

/**
 * Sends a failed or unconfirmed message again — as a new message with a new wamid, linked to the
 * old one, never by re-running the old send. An unconfirmed one may already have reached the
 * customer, so the agent must say they mean it (confirmUnconfirmed).
 */
export async function retryMessage({
  messageId,
  author,
  body,
}: {
  messageId: string;
  author: { id: string };
  body: RetryMessageBody;
}): Promise<{ message: ThreadMessage; created: boolean }> {
  await assertAccessTokenConfigured();
  const changes = emptyInboxChanges();
  const outcome = await getDb().$transaction(async (db) => {
    const original = await getMessageRef({ db, id: messageId });
    if (!original || original.direction !== "outbound") {
      throw new AppError("not_found", { message: `Message ${messageId} not found`, userMessage: "Message not found." });
    }
    const target = await lockSendTarget({ db, conversationId: original.conversationId });
    const existing = await getMessageByClientId({ db, authorId: author.id, clientId: body.clientId });
    if (existing) return { id: existing.id, created: false };
    if (original.sendState !== "failed" && original.sendState !== "unknown") {
      throw new AppError("conflict", {
        message: `message ${messageId} is ${original.sendState ?? "not ours to send"}`,
        userMessage: "Only a failed or unconfirmed message can be sent again.",
      });
    }
    if (original.sendState === "unknown" && body.confirmUnconfirmed !== true) {
      throw new AppError("conflict", {
        message: `message ${messageId} is unconfirmed and the retry was not confirmed`,
        userMessage:
          "This message may already have reached the customer. Confirm (confirmUnconfirmed: true) to send it again.",
      });
    }
    const payload = await getOutboundPayload({ db, messageId });
    if (!target || payload === null) {
      throw new AppError("conflict", {
        message: `message ${messageId} has no send to repeat`,
        userMessage: "This message cannot be sent again.",
      });
    }
    // The conversation row is locked: a concurrent retry of the same message is seen here.
    if (await getRetryOf({ db, messageId })) {
      throw new AppError("conflict", {
        message: `message ${messageId} was already retried`,
        userMessage: "This message was already sent again.",
      });
    }
    // A template may go outside the window (the worker checks it is still approved when it leaves).
    if (original.type !== "template") assertWindowOpen(target);
    const message = await queueOutboundMessage({
      db,
      target,
      message: {
        type: original.type,
        text: original.text,
        content: original.content,
        replyToWamid: original.replyToWamid,
        authorId: author.id,
        clientId: body.clientId,
        retryOfId: original.id,
      },
      payload,
      changes,
    });
    // An agent's file shows again on the new bubble (the payload carries what to upload).
    await copyOutboundMedia({ db, fromId: original.id, toId: message.id });
    changes.messagesUpdated.push({ id: original.id, conversationId: original.conversationId });
    return { id: message.id, created: true };
  });
  await publishInboxChanges(changes);
  return { message: await getThreadMessageOrThrow({ id: outcome.id }), created: outcome.created };
}
