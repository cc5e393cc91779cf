// Teardown for the benchmarks: steps run in reverse order of set-up, at most once, each bounded,
// even after a failure or Ctrl-C. Shared by every benchmark.
import type { Defer } from "./database";

export function createTeardown() {
  const steps: { what: string; task: () => Promise<void> }[] = [];
  const defer: Defer = (what, task) => steps.push({ what, task });
  let running: Promise<void> | undefined;
  const shutdown = () =>
    (running ??= (async () => {
      for (let step = steps.pop(); step; step = steps.pop()) {
        const { what, task } = step;
        let timer: NodeJS.Timeout | undefined;
        const limit = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("timed out after 30 s")), 30_000);
        });
        await Promise.race([task(), limit])
          .catch((error: unknown) =>
            console.error(`[bench] ${what} failed:`, error instanceof Error ? error.message : error),
          )
          .finally(() => clearTimeout(timer));
      }
    })());
  // `on`, not `once`: npm and tsx each relay Ctrl-C again, and a second signal with no listener left
  // would kill the process halfway through its teardown.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (running) return;
      console.error(`\n[bench] ${signal}: shutting down`);
      void shutdown().finally(() => process.exit(130));
    });
  }
  return { defer, shutdown, stopping: () => running !== undefined };
}

/** Runs main, reports its failure (unless it failed because of Ctrl-C), then tears down and exits. */
export function runBench(main: () => Promise<void>, teardown: ReturnType<typeof createTeardown>): void {
  main()
    .catch((error: unknown) => {
      if (!teardown.stopping())
        console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    })
    .finally(() => teardown.shutdown().then(() => process.exit()));
}
