import "server-only";
import { getDb } from "@/lib/db/client";
import { recordOutboundMedia } from "@/lib/db/outbound-media";
import { getMessageByClientId, getMessageRef } from "@/lib/db/outbound-messages";
import { AppError } from "@/lib/http/app-error";
import { getThreadMessageOrThrow } from "@/lib/inbox/get-thread-message-or-throw";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import { getReadReceiptMode } from "@/lib/settings/get-graph-api-config";
import type { ThreadMessage } from "@/lib/views/inbox";
import type { SendMessageBody } from "./schemas";
import { messagePayload, queueOutboundMessage } from "./queue-outbound-message";
import { STORED_MEDIA_KEY, storedMediaRef } from "./stored-media";
import { locateHeaderFile, prepareTemplateMessage } from "./template-message";
import { assertAccessTokenConfigured, assertWindowOpen, lockSendTargetOrThrow, queueReadReceipt } from "./send-rules";

/**
 * An agent's reply (free text, or a template — the one kind WhatsApp allows once the window has
 * closed): recorded with its send job in one transaction before anything goes to Meta
 * (the send worker sends it, paced), so it shows at once as pending and survives any crash. The
 * browser's client id makes a repeated request (double-click, retry after a timeout) one message.
 */
export async function sendMessage({
  conversationId,
  author,
  body,
}: {
  conversationId: string;
  author: { id: string };
  body: SendMessageBody;
}): Promise<{ message: ThreadMessage; created: boolean }> {
  await assertAccessTokenConfigured();
  const readReceipts = await getReadReceiptMode();
  const headerFile = body.type === "template" ? await locateHeaderFile(body.headerMedia ?? null) : null;
  const changes = emptyInboxChanges();
  const outcome = await getDb().$transaction(async (db) => {
    const target = await lockSendTargetOrThrow({ db, conversationId });
    const existing = await getMessageByClientId({ db, authorId: author.id, clientId: body.clientId });
    if (existing) {
      const same =
        existing.conversationId === conversationId &&
        (body.type === "text" ? existing.text === body.text : existing.type === "template");
      if (!same) {
        throw new AppError("conflict", {
          message: `clientId ${body.clientId} already names message ${existing.id}`,
          userMessage: "This clientId was already used for a different message: make a new one for each message.",
        });
      }
      return { id: existing.id, created: false };
    }
    // Templates are what WhatsApp allows outside the 24-hour window; everything else needs it open.
    const prepared =
      body.type === "template"
        ? await prepareTemplateMessage({
            db,
            templateId: body.templateId,
            values: body.values,
            headerMedia: headerFile,
            phoneNumberRowId: target.phoneNumberId,
          })
        : null;
    if (body.type === "text") assertWindowOpen(target);
    const replyToId = body.type === "text" ? body.replyToMessageId : null;
    const replyTo = replyToId ? await getMessageRef({ db, id: replyToId }) : null;
    if (replyToId && (!replyTo || replyTo.conversationId !== conversationId || !replyTo.wamid)) {
      throw new AppError("validation_failed", {
        message: `reply target ${replyToId} is not a sent message of ${conversationId}`,
        userMessage: "replyToMessageId: that message is not in this conversation (or not sent yet)",
      });
    }
    const text = body.type === "text" ? body.text : prepared!.text;
    const content = body.type === "text" ? { body: body.text, preview_url: hasLink(body.text) } : prepared!.content;
    // A reply is "starting to reply": the customer's blue ticks go out first, as the agent would expect.
    if (readReceipts === "on_reply") await queueReadReceipt({ db, target, typing: false });
    const message = await queueOutboundMessage({
      db,
      target,
      message: {
        type: body.type,
        text,
        content,
        replyToWamid: replyTo?.wamid ?? null,
        authorId: author.id,
        clientId: body.clientId,
        retryOfId: null,
      },
      payload: messagePayload(target, {
        ...(prepared ? { type: "template", template: prepared.payload } : { type: "text", text: content }),
        ...(replyTo?.wamid ? { context: { message_id: replyTo.wamid } } : {}),
        ...(prepared?.headerFile ? { [STORED_MEDIA_KEY]: storedMediaRef(prepared.headerFile) } : {}),
      }),
      changes,
    });
    // The header's file shows on the bubble from our store, like an attachment.
    const file = prepared?.headerFile;
    if (file)
      await recordOutboundMedia({
        db,
        messageId: message.id,
        sha256: file.sha256,
        mimeType: file.mimeType,
        size: file.size,
      });
    return { id: message.id, created: true };
  });
  await publishInboxChanges(changes);
  return { message: await getThreadMessageOrThrow({ id: outcome.id }), created: outcome.created };
}

/** Meta renders a link preview only when asked; ask when the text has an http(s) link. */
function hasLink(text: string): boolean {
  return /\bhttps?:\/\/\S/i.test(text);
}
