import "server-only";
import { requestMediaDrain } from "@/lib/media/download-media";
import { processPendingEvents } from "./process-pending-events";
import { pruneRawEvents } from "./prune-raw-events";

// Old events pile up slowly: one look a minute is plenty (more often only while there is a backlog).
const PRUNE_EVERY_MS = 60_000;

/**
 * Polls for stored events nobody processed: the process died between the ack and its after()
 * task, the database blipped, or processing crashed and is due a retry. With graceMs it leaves
 * fresh events to the after() task that is already on them. Between polls it deletes processed
 * raw events past their retention (prune-raw-events.ts), off the ack path, and starts media
 * downloads that are due (retries after a failure, a crashed download's expired lease).
 */
export function startRecoveryLoop({
  pollMs,
  graceMs,
  onBatch,
}: {
  pollMs: number;
  graceMs: number;
  onBatch?: (summary: Awaited<ReturnType<typeof processPendingEvents>>) => void;
}): { stop: () => Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let nextPruneAt = 0;
  const tick = () => {
    running = (async () => {
      try {
        const summary = await processPendingEvents({ receivedBefore: new Date(Date.now() - graceMs) });
        if (summary.processed + summary.failed + summary.retrying > 0) onBatch?.(summary);
        // Runs beside the loop, not in it: a slow download must not hold back webhook processing.
        void requestMediaDrain();
        if (Date.now() >= nextPruneAt) {
          const pruned = await pruneRawEvents();
          nextPruneAt = pruned > 0 ? Date.now() + pollMs : Date.now() + PRUNE_EVERY_MS;
        }
      } catch (error) {
        // Ctrl-C under `npm start` stops Postgres and this process at once, and the failed query may
        // come back before the signal is handled: a failure is news only if we are not stopping.
        await new Promise((resolve) => setTimeout(resolve, 500).unref());
        if (!stopped) console.error("[recovery] database unavailable, retrying", (error as Error).message);
      }
      if (!stopped) timer = setTimeout(tick, pollMs);
    })();
  };
  timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
