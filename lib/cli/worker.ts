// npm run worker — processes stored webhook events; run several to scale out (SKIP LOCKED claims).
import { useDatabaseOfRunningApp } from "@/lib/runtime-file";

// Listening from the first line: a Ctrl-C while the worker is still loading (under `npm start` the
// whole process group gets it, Postgres included) ends it quietly instead of leaving it to start up
// against a database that is shutting down.
let stop: () => Promise<void> = async () => process.exit(0);
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());

async function main() {
  useDatabaseOfRunningApp();
  const { startProcessingWorker } = await import("@/lib/ingest/start-processing-worker");
  const { startSendWorker } = await import("@/lib/outbound/send-worker");
  const worker = startProcessingWorker();
  const sender = startSendWorker();
  console.log("[worker] processing stored events as they arrive, sending queued messages");
  stop = async () => {
    await Promise.all([worker.stop(), sender.stop()]);
    process.exit(0);
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
