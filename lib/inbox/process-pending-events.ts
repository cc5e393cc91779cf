import "server-only";
import { getDb } from "@/lib/db/client";
import {
  claimPendingRawEvent,
  markRawEventFailed,
  markRawEventProcessed,
  recordRawEventAttemptFailure,
} from "@/lib/db/raw-events";
import { parseWebhook } from "@/lib/whatsapp/parse-webhook";
import { applyWebhook } from "./apply-webhook";
import { type InboxChanges, publishInboxChanges } from "./inbox-changes";

/** A crash (not a bad body) is retried this many times, then the event is marked failed. */
export const MAX_PROCESSING_ATTEMPTS = 5;

export type ProcessingSummary = { processed: number; failed: number; retrying: number };

/**
 * Drains stored events: each one is claimed, parsed and applied in one transaction, so its effects
 * and its "processed" mark commit together or not at all. Called right after the ack (for the ids
 * just stored), by the recovery loop and by `npm run worker` (for anything still pending).
 */
export async function processPendingEvents({
  ids,
  receivedBefore,
  limit = Number.POSITIVE_INFINITY,
}: {
  ids?: bigint[];
  receivedBefore?: Date;
  limit?: number;
} = {}): Promise<ProcessingSummary> {
  const db = getDb();
  const summary: ProcessingSummary = { processed: 0, failed: 0, retrying: 0 };
  let afterId = -1n;
  while (summary.processed + summary.failed + summary.retrying < limit) {
    let claimedId: bigint | null = null;
    try {
      const outcome = await db.$transaction(
        async (tx) => {
          const event = await claimPendingRawEvent({
            db: tx,
            afterId,
            ...(ids ? { ids } : {}),
            ...(receivedBefore ? { receivedBefore } : {}),
          });
          if (!event) return null;
          claimedId = event.id;
          const parsed = parseWebhook(Buffer.from(event.body).toString("utf8"), { receivedAt: event.receivedAt });
          if (!parsed.ok) {
            await markRawEventFailed({ db: tx, id: event.id, error: parsed.reason });
            return { state: "failed" as const, changes: null };
          }
          const changes = await applyWebhook({ db: tx, webhook: parsed.webhook, rawEventId: event.id });
          const problems = parsed.webhook.problems;
          await markRawEventProcessed({ db: tx, id: event.id, error: problems.length ? problems.join("\n") : null });
          return { state: "processed" as const, changes };
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
      if (!outcome) break;
      afterId = claimedId ?? afterId;
      summary[outcome.state] += 1;
      if (outcome.changes) await publishChangesSafely(outcome.changes);
    } catch (error) {
      if (claimedId === null) throw error; // nothing claimed: the database itself is failing
      afterId = claimedId;
      summary.retrying += 1;
      console.error(`[processing] event ${claimedId} failed, will retry`, error);
      await recordRawEventAttemptFailure({
        db,
        id: claimedId,
        error: error instanceof Error ? error.message : String(error),
        maxAttempts: MAX_PROCESSING_ATTEMPTS,
      }).catch((recordError: unknown) => console.error("[processing] could not record failure", recordError));
    }
  }
  return summary;
}

async function publishChangesSafely(changes: InboxChanges) {
  try {
    await publishInboxChanges(changes);
  } catch (error) {
    console.error("[processing] publishing changes failed", error);
  }
}
