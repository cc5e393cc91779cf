import "server-only";
import type { Db } from "@/lib/db/client";
import { changeContactNumbers } from "@/lib/db/contacts";
import { readNumberChange } from "@/lib/whatsapp/number-change";
import type { ParsedMessage } from "@/lib/whatsapp/parse-webhook";

/**
 * "User A changed from +1… to +1…": the contact takes the new wa_id, so the conversation goes on
 * when the customer writes from the new number. Called with newly stored messages only (a retry or
 * a replay does not move a number twice), after they are stored, so the note itself lands in the
 * conversation the customer is leaving. Oldest first: A→B then B→C ends at C.
 */
export async function applyNumberChanges({ db, messages }: { db: Db; messages: ParsedMessage[] }): Promise<number> {
  const changes = messages
    .flatMap((message) => {
      const change = readNumberChange(message);
      return change ? [{ ...change, at: message.timestamp.date.getTime() }] : [];
    })
    .sort((a, b) => a.at - b.at)
    .map(({ fromWaId, toWaId }) => ({ fromWaId, toWaId }));
  if (changes.length === 0) return 0;
  const applied = await changeContactNumbers({ db, changes });
  for (const skipped of changes.filter((change) => !applied.some((done) => done.fromWaId === change.fromWaId))) {
    console.warn(
      `[webhook] number change ${skipped.fromWaId} → ${skipped.toWaId} not linked: the new number already has a contact, or the old one has none`,
    );
  }
  return applied.length;
}
