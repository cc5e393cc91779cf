import "server-only";
import { getDb } from "@/lib/db/client";
import { findRawEventIds, type RawEventSelection } from "@/lib/db/raw-events";
import { type ProcessingSummary, processPendingEvents } from "./process-pending-events";

/**
 * Re-processes stored raw events (all, failed only, a time range or given ids) in place: each batch
 * is locked and re-applied in one transaction, never put back in the queue, so no other worker can
 * take them half-way and the figures returned are this replay's own. Processing is idempotent:
 * replaying what was already applied changes nothing; what failed before a fix is applied now.
 * Only stored bodies can be replayed: processed events older than RAW_EVENT_RETENTION_DAYS are
 * pruned (prune-raw-events.ts), failed and pending ones are kept whatever their age.
 */
export async function replayEvents({
  selection,
}: {
  selection: RawEventSelection;
}): Promise<{ selected: number } & ProcessingSummary> {
  const ids = await findRawEventIds({ db: getDb(), selection });
  if (ids.length === 0) return { selected: 0, processed: 0, failed: 0, retrying: 0 };
  const summary = await processPendingEvents({ ids, states: ["pending", "processed", "failed"] });
  return { selected: ids.length, ...summary };
}
