import "server-only";
import type { Db } from "@/lib/db/client";
import { changeContactNumbers } from "@/lib/db/contacts";
import type { ConversationMerge } from "@/lib/db/merge-contacts";
import { readNumberChange } from "@/lib/whatsapp/number-change";
import type { InboxChanges } from "@/lib/realtime/changes";
import type { ParsedMessage } from "@/lib/whatsapp/parse-webhook";

/**
 * "User A changed from +1… to +1…": the contact takes the new wa_id, so the conversation goes on
 * when the customer writes from the new number. Called with newly stored messages only (a retry or
 * a replay does not move a number twice), after they are stored, so the note itself lands in the
 * conversation the customer is leaving. Oldest first: A→B then B→C ends at C. When the customer
 * wrote from the new number first, the two contacts become one; returns the conversations folded.
 */
export async function applyNumberChanges({
  db,
  messages,
}: {
  db: Db;
  messages: ParsedMessage[];
}): Promise<ConversationMerge[]> {
  const changes = messages
    .flatMap((message) => {
      const change = readNumberChange(message);
      return change ? [{ ...change, at: message.timestamp.date.getTime() }] : [];
    })
    .sort((a, b) => a.at - b.at)
    .map(({ fromWaId, toWaId }) => ({ fromWaId, toWaId }));
  if (changes.length === 0) return [];
  const { applied, merges } = await changeContactNumbers({ db, changes });
  for (const skipped of changes.filter((change) => !applied.some((done) => done.fromWaId === change.fromWaId))) {
    console.warn(
      `[webhook] number change ${skipped.fromWaId} → ${skipped.toWaId} not linked: no contact has the old number`,
    );
  }
  return merges;
}

/** What this batch did in a conversation now folded into another happened in that other one. */
export function followMerges(changes: InboxChanges, merges: ConversationMerge[]): void {
  if (merges.length === 0) return;
  const into = new Map(merges.map((merge) => [merge.from, merge.into]));
  const follow = (id: string) => into.get(id) ?? id;
  changes.conversationsMerged = merges;
  changes.conversationsCreated = changes.conversationsCreated.filter((id) => !into.has(id));
  changes.conversationsUpdated = [...new Set([...changes.conversationsUpdated.map(follow), ...into.values()])];
  changes.messagesCreated = changes.messagesCreated.map((message) => ({
    ...message,
    conversationId: follow(message.conversationId),
  }));
  changes.reactionsChanged = changes.reactionsChanged.map((reaction) => ({
    ...reaction,
    conversationId: follow(reaction.conversationId),
  }));
}
