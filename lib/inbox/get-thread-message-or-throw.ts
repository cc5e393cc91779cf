import "server-only";
import { getDb } from "@/lib/db/client";
import { getThreadMessageRow } from "@/lib/db/thread-messages";
import { AppError } from "@/lib/http/app-error";
import { toThreadMessage } from "./conversation-view";
import type { ThreadMessage } from "@/lib/views/inbox";

/** One message as its bubble shows it (e.g. after a realtime event named it); 404 when unknown. */
export async function getThreadMessageOrThrow({ id }: { id: string }): Promise<ThreadMessage> {
  const row = await getThreadMessageRow({ db: getDb(), id });
  if (!row) throw new AppError("not_found", { message: `Message ${id} not found`, userMessage: "Message not found." });
  return toThreadMessage(row);
}
