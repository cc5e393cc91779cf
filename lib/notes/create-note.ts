import "server-only";
import { getDb } from "@/lib/db/client";
import { conversationExists } from "@/lib/db/inbox-conversations";
import { createNoteMentions, createNoteMessage } from "@/lib/db/notes";
import { getMessageByClientId } from "@/lib/db/outbound-messages";
import { findActiveUsers } from "@/lib/db/users";
import { AppError } from "@/lib/http/app-error";
import { getThreadMessageOrThrow } from "@/lib/inbox/get-thread-message-or-throw";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import type { ThreadMessage } from "@/lib/views/inbox";
import type { CreateNoteBody } from "./schemas";

/**
 * A private note in the thread: stored like a message so it pages in order with them, but with no
 * send job, so nothing of it reaches Meta — which is also why it is allowed when the 24-hour window
 * is closed. Colleagues picked with @ and still named as @Name in the text are mentioned (live on
 * the inbox channel, and in their "Mentions" view). The client id makes a repeated POST one note.
 */
export async function createNote({
  conversationId,
  author,
  body,
}: {
  conversationId: string;
  author: { id: string };
  body: CreateNoteBody;
}): Promise<{ message: ThreadMessage; created: boolean }> {
  const changes = emptyInboxChanges();
  const outcome = await getDb().$transaction(async (db) => {
    if (!(await conversationExists({ db, id: conversationId }))) {
      throw new AppError("not_found", {
        message: `Conversation ${conversationId} not found`,
        userMessage: "Conversation not found.",
      });
    }
    const existing = await getMessageByClientId({ db, authorId: author.id, clientId: body.clientId });
    if (existing) {
      if (existing.conversationId !== conversationId || existing.type !== "note" || existing.text !== body.text) {
        throw new AppError("conflict", {
          message: `clientId ${body.clientId} already names message ${existing.id}`,
          userMessage: "This clientId was already used for a different message: make a new one for each note.",
        });
      }
      return { id: existing.id, created: false };
    }
    const active = new Map((await findActiveUsers({ db })).map((user) => [user.id, user.name]));
    const unknown = body.mentionIds.find((id) => !active.has(id));
    if (unknown) {
      throw new AppError("validation_failed", {
        message: `mention ${unknown} is not an active user`,
        userMessage: "mentionIds: that colleague does not exist or is deactivated",
      });
    }
    // The text is what everyone reads: a mention whose @Name was deleted from it notifies nobody.
    const mentioned = body.mentionIds.filter((id) => id !== author.id && body.text.includes(`@${active.get(id)}`));
    const note = await createNoteMessage({
      db,
      conversationId,
      authorId: author.id,
      clientId: body.clientId,
      text: body.text,
    });
    await createNoteMentions({ db, messageId: note.id, conversationId, userIds: mentioned });
    changes.messagesCreated.push({ id: note.id, conversationId, direction: "outbound" });
    if (mentioned.length > 0) changes.mentionsCreated.push({ conversationId, userIds: mentioned });
    return { id: note.id, created: true };
  });
  await publishInboxChanges(changes);
  return { message: await getThreadMessageOrThrow({ id: outcome.id }), created: outcome.created };
}
