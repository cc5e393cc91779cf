// Tests only: a message we sent, stored with its wamid at once (as if Meta had already answered),
// to test how statuses apply to it without going through the send pipeline.
import { getDb } from "../../lib/db/client";
import { touchConversations } from "../../lib/db/conversations";
import { createMessagesIfNew, refreshMessageStatuses } from "../../lib/db/messages";
import { lockWamids } from "../../lib/db/status-events";
import { emptyInboxChanges, type InboxChanges } from "../../lib/realtime/changes";

/**
 * Stores a message we sent (the Graph API answered with its wamid). Meta's status webhooks can
 * beat that answer, so statuses already stored for the wamid apply at once; the wamid lock makes
 * this safe against a status being stored at the same moment.
 */
export async function recordOutboundMessage({
  conversationId,
  wamid,
  type,
  text,
  content,
  sentAt,
  replyToWamid = null,
}: {
  conversationId: string;
  wamid: string;
  type: string;
  text: string | null;
  content: unknown;
  sentAt: Date;
  replyToWamid?: string | null;
}): Promise<{ id: string | null; changes: InboxChanges }> {
  const changes = emptyInboxChanges();
  const id = await getDb().$transaction(async (tx) => {
    await lockWamids({ db: tx, wamids: [wamid] });
    const [created] = await createMessagesIfNew({
      db: tx,
      messages: [
        {
          wamid,
          conversationId,
          direction: "outbound",
          type,
          text,
          content,
          timestamp: sentAt,
          timestampIssue: null,
          replyToWamid,
          forwarded: false,
          referral: null,
          errors: null,
          status: "pending",
          rawEventId: null,
        },
      ],
    });
    if (!created) return null;
    changes.messagesCreated.push({ id: created.id, conversationId, direction: "outbound" });
    await touchConversations({ db: tx, touches: [{ id: conversationId, messageAt: sentAt, inboundAt: null }] });
    changes.statusesChanged.push(...(await refreshMessageStatuses({ db: tx, wamids: [wamid] })));
    return created.id;
  });
  return { id, changes };
}
