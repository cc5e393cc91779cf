import "server-only";
import { getDb } from "@/lib/db/client";
import { recordOutboundMedia } from "@/lib/db/outbound-media";
import { getMessageByClientId } from "@/lib/db/outbound-messages";
import { AppError } from "@/lib/http/app-error";
import { getThreadMessageOrThrow } from "@/lib/inbox/get-thread-message-or-throw";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import { getReadReceiptMode } from "@/lib/settings/get-graph-api-config";
import type { ThreadMessage } from "@/lib/views/inbox";
import { takesCaption } from "@/lib/views/outbound-media";
import { messagePayload, queueOutboundMessage } from "./queue-outbound-message";
import type { SendMediaHeaders } from "./schemas";
import { checkedUpload, storeUpload } from "./store-upload";
import { STORED_MEDIA_KEY, type StoredMediaRef } from "./stored-media";
import { assertAccessTokenConfigured, assertWindowOpen, lockSendTargetOrThrow, queueReadReceipt } from "./send-rules";

/**
 * An agent's attachment: checked (type, size, window) before the body is read, streamed to our
 * store while its sha256 is computed (cut off past Meta's limit), then recorded as a media message
 * with its send job in one transaction. The bubble shows the file from our store at once; the send
 * worker uploads it to Meta and sends it by media id.
 */
export async function sendMedia({
  conversationId,
  author,
  headers,
  body,
}: {
  conversationId: string;
  author: { id: string };
  headers: SendMediaHeaders;
  body: ReadableStream<Uint8Array> | null;
}): Promise<{ message: ThreadMessage; created: boolean }> {
  const check = checkedUpload(headers);
  if (headers.caption && !takesCaption(check.type)) {
    throw new AppError("validation_failed", {
      message: `caption: WhatsApp shows no caption on ${check.type === "audio" ? "audio" : "stickers"}; send the text as its own message.`,
    });
  }
  await assertAccessTokenConfigured();
  // Refuse a closed window or a repeated clientId before reading megabytes.
  const early = await getDb().$transaction(async (db) => {
    const target = await lockSendTargetOrThrow({ db, conversationId });
    const existing = await getMessageByClientId({ db, authorId: author.id, clientId: headers.clientId });
    if (!existing) assertWindowOpen(target);
    return existing;
  });
  if (early) return repeated(early, conversationId, headers.clientId);

  const stored = await storeUpload({ body, expectedBytes: headers.contentLength, maxBytes: check.maxBytes });
  const filename = headers.fileName ?? `${check.type}.${stored.sha256.slice(0, 8)}`;
  const readReceipts = await getReadReceiptMode();
  const changes = emptyInboxChanges();
  const outcome = await getDb().$transaction(async (db) => {
    const target = await lockSendTargetOrThrow({ db, conversationId });
    const existing = await getMessageByClientId({ db, authorId: author.id, clientId: headers.clientId });
    if (existing) return { created: false as const, id: existing.id, conversationId: existing.conversationId };
    assertWindowOpen(target);
    const caption = takesCaption(check.type) ? (headers.caption ?? null) : null;
    // The shape of Meta's webhook media object, so the thread reads it like a customer's file.
    const content = {
      mime_type: check.mimeType,
      sha256: stored.sha256,
      file_size: stored.size,
      ...(caption ? { caption } : {}),
      ...(check.type === "document" ? { filename } : {}),
    };
    if (readReceipts === "on_reply") await queueReadReceipt({ db, target, typing: false });
    const ref: StoredMediaRef = { sha256: stored.sha256, mime_type: check.mimeType, filename };
    const message = await queueOutboundMessage({
      db,
      target,
      message: {
        type: check.type,
        // As for a customer's file: the caption, else a document's name (search and previews).
        text: caption ?? (check.type === "document" ? filename : null),
        content,
        replyToWamid: null,
        authorId: author.id,
        clientId: headers.clientId,
        retryOfId: null,
      },
      // The media object gets Meta's id from the upload the worker makes first.
      payload: messagePayload(target, {
        type: check.type,
        [check.type]: {
          ...(caption ? { caption } : {}),
          ...(check.type === "document" ? { filename } : {}),
        },
        [STORED_MEDIA_KEY]: ref,
      }),
      changes,
    });
    await recordOutboundMedia({
      db,
      messageId: message.id,
      sha256: stored.sha256,
      mimeType: check.mimeType,
      size: stored.size,
    });
    return { created: true as const, id: message.id, conversationId };
  });
  if (!outcome.created) return repeated(outcome, conversationId, headers.clientId);
  await publishInboxChanges(changes);
  return { message: await getThreadMessageOrThrow({ id: outcome.id }), created: true };
}

async function repeated(
  existing: { id: string; conversationId: string },
  conversationId: string,
  clientId: string,
): Promise<{ message: ThreadMessage; created: boolean }> {
  if (existing.conversationId !== conversationId) {
    throw new AppError("conflict", {
      message: `clientId ${clientId} already names message ${existing.id}`,
      userMessage: "This clientId was already used for a different message: make a new one for each message.",
    });
  }
  return { message: await getThreadMessageOrThrow({ id: existing.id }), created: false };
}
