import "server-only";
import { getDb } from "@/lib/db/client";
import { deleteProcessedRawEvents } from "@/lib/db/raw-events";
import { getEnv } from "@/lib/env";

const BATCH = 500;
const DAY_MS = 86_400_000;

/**
 * Raw bodies are the replay source, not the inbox: once processed they are kept
 * RAW_EVENT_RETENTION_DAYS and then deleted, a few batches per call so that it never competes
 * with the ack path or processing for long. Returns how many were deleted.
 */
export async function pruneRawEvents({ maxBatches = 4 }: { maxBatches?: number } = {}): Promise<number> {
  const days = getEnv().RAW_EVENT_RETENTION_DAYS;
  const receivedBefore = new Date(Date.now() - days * DAY_MS);
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await deleteProcessedRawEvents({ db: getDb(), receivedBefore, limit: BATCH });
    deleted += count;
    if (count < BATCH) break;
  }
  return deleted;
}
