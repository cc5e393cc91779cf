// Parent side of tests/bench/load-generator.ts: one long-lived child process, one run at a time.
import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import type { RunFailure, RunRequest, RunResult } from "./load-generator";

export type LoadGenerator = {
  pid: number;
  run: (request: Omit<RunRequest, "id">) => Promise<RunResult>;
  stop: () => Promise<void>;
};

type Message = RunResult | RunFailure | { ready: true };

export async function forkLoadGenerator(): Promise<LoadGenerator> {
  // fork() reuses this process's execArgv, which under `tsx` already carries its TypeScript loader.
  const child: ChildProcess = fork(join(import.meta.dirname, "load-generator.ts"), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("load generator did not start within 30 s")), 30_000);
    child.once("exit", (code) => reject(new Error(`load generator exited with ${code} before it was ready`)));
    child.once("message", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  let nextId = 1;
  return {
    pid: child.pid ?? -1,
    run: (request) =>
      new Promise<RunResult>((resolve, reject) => {
        const id = nextId++;
        // Bounded: autocannon stops itself after `duration`; anything far beyond that is a hang.
        const limitMs = ((request.duration ?? 0) + 120) * 1000;
        const timer = setTimeout(
          () => finish(new Error(`load generator run ${id} did not finish within ${limitMs / 1000} s`)),
          limitMs,
        );
        const onExit = (code: number | null) => finish(new Error(`load generator exited with ${code} during a run`));
        const onMessage = (message: Message) => {
          if (!("id" in message) || message.id !== id) return;
          if (message.ok) finish(undefined, message);
          else finish(new Error(`load generator run failed: ${message.error}`));
        };
        function finish(error: Error | undefined, result?: RunResult) {
          clearTimeout(timer);
          child.off("message", onMessage);
          child.off("exit", onExit);
          if (error || !result) reject(error ?? new Error("no result"));
          else resolve(result);
        }
        child.on("message", onMessage);
        child.once("exit", onExit);
        child.send({ ...request, id } satisfies RunRequest);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
