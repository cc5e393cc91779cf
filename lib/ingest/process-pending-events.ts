import "server-only";
import { getDb } from "@/lib/db/client";
import {
  type ClaimedRawEvent,
  claimRawEvents,
  type RawEventState,
  markRawEventFailed,
  markRawEventsProcessed,
  recordRawEventAttemptFailure,
} from "@/lib/db/raw-events";
import { parseWebhook } from "@/lib/whatsapp/parse-webhook";
import { applyWebhooks, type StoredWebhook } from "./apply-webhook";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import { requestMediaDrain } from "@/lib/media/download-media";

/** A crash (not a bad body) is retried this many times, then the event is marked failed. */
export const MAX_PROCESSING_ATTEMPTS = 5;
/** Events per transaction: large enough to amortise round trips and commits under load. */
export const BATCH_SIZE = 100;

export type ProcessingSummary = { processed: number; failed: number; retrying: number };

/**
 * Drains stored events in batches: each batch is claimed, parsed and applied in one transaction,
 * so its effects and its "processed" marks commit together or not at all. If a batch fails, its
 * events are retried one by one, so one poisonous event cannot hold back the others.
 */
export async function processPendingEvents({
  ids,
  states,
  receivedBefore,
  batchSize = BATCH_SIZE,
}: {
  ids?: bigint[];
  states?: RawEventState[];
  receivedBefore?: Date;
  batchSize?: number;
} = {}): Promise<ProcessingSummary> {
  const summary: ProcessingSummary = { processed: 0, failed: 0, retrying: 0 };
  let afterId = -1n;
  for (;;) {
    const batch = await processBatch({ ids, states, receivedBefore, afterId, limit: batchSize });
    if (batch.claimed.length === 0) break;
    afterId = batch.claimed[batch.claimed.length - 1]!;
    if (batch.error === null) {
      summary.processed += batch.processed;
      summary.failed += batch.failed;
      continue;
    }
    for (const id of batch.claimed) {
      const single = await processBatch({ ids: [id], states, afterId: id - 1n, limit: 1 });
      summary.processed += single.processed;
      summary.failed += single.failed;
      if (single.error === null) continue;
      summary.retrying += 1;
      console.error(`[processing] event ${id} failed, will retry`, single.error);
      await recordRawEventAttemptFailure({
        db: getDb(),
        id,
        error: single.error instanceof Error ? single.error.message : String(single.error),
        maxAttempts: MAX_PROCESSING_ATTEMPTS,
      }).catch((recordError: unknown) => console.error("[processing] could not record failure", recordError));
    }
  }
  return summary;
}

type BatchResult = { claimed: bigint[]; processed: number; failed: number; error: unknown };

async function processBatch(options: {
  ids?: bigint[] | undefined;
  states?: RawEventState[] | undefined;
  receivedBefore?: Date | undefined;
  afterId: bigint;
  limit: number;
}): Promise<BatchResult> {
  let claimed: bigint[] = [];
  try {
    const outcome = await getDb().$transaction(
      async (tx) => {
        const events = await claimRawEvents({
          db: tx,
          ...(options.states ? { states: options.states } : {}),
          afterId: options.afterId,
          limit: options.limit,
          ...(options.ids ? { ids: options.ids } : {}),
          ...(options.receivedBefore ? { receivedBefore: options.receivedBefore } : {}),
        });
        claimed = events.map((event) => event.id);
        if (events.length === 0) return { processed: 0, failed: 0, changes: null };
        const { applicable, unparseable } = parseEvents(events);
        for (const { id, reason } of unparseable) await markRawEventFailed({ db: tx, id, error: reason });
        const changes = await applyWebhooks({ db: tx, events: applicable });
        await markRawEventsProcessed({
          db: tx,
          results: applicable.map(({ rawEventId, webhook }) => ({
            id: rawEventId,
            error: webhook.problems.length ? webhook.problems.join("\n") : null,
          })),
        });
        return { processed: applicable.length, failed: unparseable.length, changes };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    if (outcome.changes) {
      await publishInboxChanges(outcome.changes);
      if (outcome.changes.mediaQueued.length > 0) void requestMediaDrain();
    }
    return { claimed, processed: outcome.processed, failed: outcome.failed, error: null };
  } catch (error) {
    if (claimed.length === 0) throw error; // nothing claimed: the database itself is failing
    return { claimed, processed: 0, failed: 0, error };
  }
}

function parseEvents(events: ClaimedRawEvent[]) {
  const applicable: StoredWebhook[] = [];
  const unparseable: { id: bigint; reason: string }[] = [];
  for (const event of events) {
    const parsed = parseWebhook(Buffer.from(event.body).toString("utf8"), { receivedAt: event.receivedAt });
    if (parsed.ok) applicable.push({ rawEventId: event.id, webhook: parsed.webhook });
    else unparseable.push({ id: event.id, reason: parsed.reason });
  }
  return { applicable, unparseable };
}

let draining: Promise<void> | null = null;
let drainAgain = false;

/**
 * The after-ack trigger. Many acks in flight share one drain loop per process instead of each
 * opening its own transaction: processing never takes more than one pooled connection from the
 * ack path, and the busier it gets, the larger (and cheaper per event) its batches become.
 */
export function requestDrain(): Promise<void> {
  if (draining) {
    drainAgain = true;
    return draining;
  }
  draining = (async () => {
    try {
      do {
        drainAgain = false;
        await processPendingEvents();
      } while (drainAgain);
    } finally {
      draining = null;
    }
  })();
  return draining;
}
