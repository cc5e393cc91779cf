// npm run worker — processes stored webhook events; run several to scale out (SKIP LOCKED claims).
import { useDatabaseOfRunningApp } from "./runtime-file";

async function main() {
  useDatabaseOfRunningApp();
  const { getEnv } = await import("@/lib/env");
  const { startRecoveryLoop } = await import("@/lib/inbox/run-recovery-loop");
  const loop = startRecoveryLoop({
    pollMs: getEnv().WORKER_POLL_MS,
    graceMs: 0,
    onBatch: (summary) =>
      console.log(`[worker] processed ${summary.processed}, failed ${summary.failed}, retrying ${summary.retrying}`),
  });
  console.log(`[worker] processing stored events (poll every ${getEnv().WORKER_POLL_MS} ms)`);
  const stop = async () => {
    await loop.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
