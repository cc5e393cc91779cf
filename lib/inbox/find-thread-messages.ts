import "server-only";
import { getDb } from "@/lib/db/client";
import { conversationExists } from "@/lib/db/inbox-conversations";
import { findThreadMessageRows } from "@/lib/db/thread-messages";
import { AppError } from "@/lib/http/app-error";
import { encodeCursor } from "./cursor";
import { toThreadMessage } from "./conversation-view";
import type { MessagePage } from "@/lib/views/inbox";
import type { FindThreadMessagesQuery } from "./schemas";

/**
 * One page of a thread: the newest messages first time, then older pages by `olderCursor`. Each page
 * is answered oldest first, the order the thread renders it in.
 */
export async function findThreadMessages({
  conversationId,
  query,
}: {
  conversationId: string;
  query: FindThreadMessagesQuery;
}): Promise<MessagePage> {
  const db = getDb();
  const rows = await findThreadMessageRows({ db, conversationId, before: query.before, limit: query.limit + 1 });
  if (rows.length === 0 && !(await conversationExists({ db, id: conversationId }))) {
    throw new AppError("not_found", {
      message: `Conversation ${conversationId} not found`,
      userMessage: "Conversation not found.",
    });
  }
  const page = rows.slice(0, query.limit);
  const oldest = page.at(-1);
  return {
    messages: page.reverse().map(toThreadMessage),
    olderCursor:
      rows.length > query.limit && oldest ? encodeCursor("m", { at: oldest.timestamp, id: oldest.id }) : null,
  };
}
