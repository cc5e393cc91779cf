// The parent side of the benchmarks' helper processes (load-generator.ts, serial-client.ts): one
// long-lived child, forked from this process, that says it is ready, then answers each request
// (sent with an id) with `{ id, ok: true, … }` or `{ id, ok: false, error }`, and exits when
// disconnected.
import { fork } from "node:child_process";

export type ChildFailure = { id: number; ok: false; error: string };

export type ForkedChild<Request, Result> = {
  pid: number;
  /** One request; rejects on the child's failure, its exit, or after `limitMs` when given. */
  run: (request: Request, limitMs?: number) => Promise<Result>;
  stop: () => Promise<void>;
};

export async function forkChild<Request extends object, Result extends { id: number; ok: true }>(
  modulePath: string,
  name: string,
): Promise<ForkedChild<Request, Result>> {
  // fork() reuses this process's execArgv, which under `tsx` already carries its TypeScript loader.
  const child = fork(modulePath, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ${name} did not start within 30 s`)), 30_000);
    child.once("exit", (code) => reject(new Error(`the ${name} exited with ${code} before it was ready`)));
    child.once("message", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  let nextId = 1;
  return {
    pid: child.pid ?? -1,
    run: (request, limitMs) =>
      new Promise<Result>((resolve, reject) => {
        const id = nextId++;
        const timer =
          limitMs === undefined
            ? undefined
            : setTimeout(
                () => finish(new Error(`${name} run ${id} did not finish within ${limitMs / 1000} s`)),
                limitMs,
              );
        const onExit = (code: number | null) => finish(new Error(`the ${name} exited with ${code} during a run`));
        const onMessage = (message: Result | ChildFailure) => {
          if (message.id !== id) return;
          if (message.ok) finish(undefined, message);
          else finish(new Error(`${name} run failed: ${message.error}`));
        };
        function finish(error: Error | undefined, result?: Result) {
          clearTimeout(timer);
          child.off("message", onMessage);
          child.off("exit", onExit);
          if (error || !result) reject(error ?? new Error("no result"));
          else resolve(result);
        }
        child.on("message", onMessage);
        child.once("exit", onExit);
        child.send({ ...request, id });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.disconnect();
      }),
  };
}
