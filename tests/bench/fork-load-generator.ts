// Parent side of tests/bench/load-generator.ts: one long-lived child process, one run at a time.
import { join } from "node:path";
import { type ForkedChild, forkChild } from "./fork-child";
import type { RunRequest, RunResult } from "./load-generator";

export type LoadGenerator = ForkedChild<Omit<RunRequest, "id">, RunResult>;

export async function forkLoadGenerator(): Promise<LoadGenerator> {
  const child = await forkChild<Omit<RunRequest, "id">, RunResult>(
    join(import.meta.dirname, "load-generator.ts"),
    "load generator",
  );
  return {
    ...child,
    // Bounded: autocannon stops itself after `duration`; anything far beyond that is a hang.
    run: (request) => child.run(request, ((request.duration ?? 0) + 120) * 1000),
  };
}
