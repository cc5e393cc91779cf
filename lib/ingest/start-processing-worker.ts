import "server-only";
import { listenForRawEvents } from "@/lib/db/raw-event-notifications";
import { getEnv } from "@/lib/env";
import { requestDrain } from "./process-pending-events";
import { startRecoveryLoop } from "./run-recovery-loop";

/**
 * A processing worker (`npm run worker`, and the one `npm start` runs beside the server): woken by
 * Postgres the moment webhooks are stored, so the server's request thread only acknowledges, and
 * polling as a safety net for anything a missed notification or a crash left behind.
 */
export function startProcessingWorker(): { stop: () => Promise<void> } {
  const env = getEnv();
  const drain = () =>
    void requestDrain().catch((error: unknown) =>
      console.error("[worker] processing failed, the poll will retry", (error as Error).message),
    );
  const notifications = listenForRawEvents({ connectionString: env.DATABASE_URL!, onInserted: drain });
  const loop = startRecoveryLoop({
    pollMs: env.WORKER_POLL_MS,
    graceMs: 0,
    // The poll only finds what a notification missed or a crash left; worth a line when it failed.
    onBatch: (summary) => {
      if (summary.failed + summary.retrying === 0) return;
      console.log(`[worker] processed ${summary.processed}, failed ${summary.failed}, retrying ${summary.retrying}`);
    },
  });
  drain();
  return {
    stop: async () => {
      await notifications.close();
      await loop.stop();
    },
  };
}
