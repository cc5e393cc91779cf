// Parent side of tests/bench/serial-client.ts: one long-lived child process, one run at a time.
import { fork } from "node:child_process";
import { join } from "node:path";
import type { SerialFailure, SerialResult, SerialRun } from "./serial-client";

export type SerialClient = {
  run: (
    request: Omit<SerialRun, "id" | "warmup" | "expect"> & Partial<Pick<SerialRun, "warmup" | "expect">>,
  ) => Promise<SerialResult>;
  stop: () => Promise<void>;
};

export async function forkSerialClient(): Promise<SerialClient> {
  // fork() reuses this process's execArgv, which under `tsx` already carries its TypeScript loader.
  const child = fork(join(import.meta.dirname, "serial-client.ts"), [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the serial client did not start within 30 s")), 30_000);
    child.once("exit", (code) => reject(new Error(`the serial client exited with ${code} before it was ready`)));
    child.once("message", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  let nextId = 1;
  return {
    run: ({ warmup = 0, expect = {}, ...request }) =>
      new Promise<SerialResult>((resolve, reject) => {
        const id = nextId++;
        const onExit = (code: number | null) => finish(new Error(`the serial client exited with ${code} during a run`));
        const onMessage = (message: SerialResult | SerialFailure) => {
          if (message.id !== id) return;
          if (message.ok) finish(undefined, message);
          else finish(new Error(message.error));
        };
        function finish(error: Error | undefined, result?: SerialResult) {
          child.off("message", onMessage);
          child.off("exit", onExit);
          if (error || !result) reject(error ?? new Error("no result"));
          else resolve(result);
        }
        child.on("message", onMessage);
        child.once("exit", onExit);
        child.send({ ...request, warmup, expect, id } satisfies SerialRun);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.disconnect();
      }),
  };
}
