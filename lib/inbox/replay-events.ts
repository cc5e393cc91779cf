import "server-only";
import { getDb } from "@/lib/db/client";
import { type RawEventSelection, requeueRawEvents } from "@/lib/db/raw-events";
import { type ProcessingSummary, processPendingEvents } from "./process-pending-events";

/**
 * Re-processes stored raw events (all, failed only, a time range or given ids). Processing is
 * idempotent, so replaying what was already applied changes nothing; what failed before a fix is
 * applied now.
 */
export async function replayEvents({
  selection,
}: {
  selection: RawEventSelection;
}): Promise<{ requeued: number } & ProcessingSummary> {
  const ids = await requeueRawEvents({ db: getDb(), selection });
  if (ids.length === 0) return { requeued: 0, processed: 0, failed: 0, retrying: 0 };
  const summary = await processPendingEvents({ ids });
  return { requeued: ids.length, ...summary };
}
