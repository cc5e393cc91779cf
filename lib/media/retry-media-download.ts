import "server-only";
import { getDb } from "@/lib/db/client";
import { resetMediaDownload } from "@/lib/db/media";
import { AppError } from "@/lib/http/app-error";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import { requestMediaDrain } from "./download-media";

/** An agent asks again for a file whose download failed or waits: due at once, attempts counted afresh. */
export async function retryMediaDownload({ messageId }: { messageId: string }): Promise<{ state: string }> {
  const reset = await resetMediaDownload({ db: getDb(), messageId });
  if (!reset) {
    throw new AppError("not_found", { message: `No media for ${messageId}`, userMessage: "Media not found." });
  }
  await publishInboxChanges({
    ...emptyInboxChanges(),
    messagesUpdated: [{ id: messageId, conversationId: reset.conversationId }],
  });
  void requestMediaDrain();
  return { state: reset.state };
}
