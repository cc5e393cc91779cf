import "server-only";
import { processPendingEvents } from "./process-pending-events";

/**
 * Polls for stored events nobody processed: the process died between the ack and its after()
 * task, the database blipped, or processing crashed and is due a retry. With graceMs it leaves
 * fresh events to the after() task that is already on them.
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
  const tick = () => {
    running = (async () => {
      try {
        const summary = await processPendingEvents({ receivedBefore: new Date(Date.now() - graceMs) });
        if (summary.processed + summary.failed + summary.retrying > 0) onBatch?.(summary);
      } catch (error) {
        console.error("[recovery] database unavailable, retrying", (error as Error).message);
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
