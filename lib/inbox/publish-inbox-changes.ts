import "server-only";
import { getDb } from "@/lib/db/client";
import { findInboxConversationsByIds } from "@/lib/db/inbox-conversations";
import { findThreadMessageRowsByIds } from "@/lib/db/thread-messages";
import type { InboxChanges } from "@/lib/realtime/changes";
import { type EventViews, noEventViews } from "@/lib/realtime/inbox-events";
import { publishRealtime } from "@/lib/realtime/server";
import type { SharedConversationRow } from "@/lib/views/inbox";
import { toConversationListItem, toThreadMessage } from "./conversation-view";

/**
 * Past this many messages or rows in one batch (a backlog being drained) the events go with ids
 * only: one query stays cheap, and browsers fetch what they show.
 */
const MAX_VIEWS = 200;

/**
 * publishRealtime with the views of what changed: the messages as GET /api/messages/<id> answers
 * them and the list rows as GET /api/conversations?ids= does (less each agent's own counts, which
 * the shared inbox channel must not carry), read right after the commit in two queries. The events
 * that fit Pusher's limit carry them, so an open thread renders a message without a request. Never
 * throws: if the views cannot be read, the events go with ids only.
 */
export async function publishInboxChanges(changes: InboxChanges): Promise<void> {
  await publishRealtime(changes, await loadEventViews(changes));
}

async function loadEventViews(changes: InboxChanges): Promise<EventViews> {
  const ids = [...new Set([...changes.messagesCreated, ...changes.messagesUpdated].map((message) => message.id))];
  const wamids = [...new Set(changes.reactionsChanged.map((reaction) => reaction.targetWamid))];
  const rowIds = [
    ...new Set([
      ...changes.conversationsCreated,
      ...changes.conversationsUpdated,
      ...changes.messagesCreated.map((message) => message.conversationId),
    ]),
  ];
  const views = noEventViews();
  try {
    const db = getDb();
    const [messages, rows] = await Promise.all([
      ids.length + wamids.length <= MAX_VIEWS ? findThreadMessageRowsByIds({ db, ids, wamids }) : [],
      rowIds.length <= MAX_VIEWS ? findInboxConversationsByIds({ db, userId: null, ids: rowIds }) : [],
    ]);
    for (const row of messages) views.messages.set(row.id, toThreadMessage(row));
    for (const row of rows) views.rows.set(row.id, sharedRow(toConversationListItem(row)));
  } catch (error) {
    console.error("[realtime] could not read the views of the changes; events go with ids only", error);
    return noEventViews();
  }
  return views;
}

function sharedRow({
  unreadCount: _unreadCount,
  unreadMentions: _unreadMentions,
  ...row
}: ReturnType<typeof toConversationListItem>): SharedConversationRow {
  return row;
}
