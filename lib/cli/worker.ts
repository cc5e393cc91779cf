// npm run worker — processes stored webhook events; run several to scale out (SKIP LOCKED claims).
import { useDatabaseOfRunningApp } from "./runtime-file";

async function main() {
  useDatabaseOfRunningApp();
  const { startProcessingWorker } = await import("@/lib/inbox/start-processing-worker");
  const worker = startProcessingWorker();
  console.log("[worker] processing stored events as they arrive");
  const stop = async () => {
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
