// `npm run worker` processes for the --workers mode: the server only acks and these drain the
// queue, which shows what moving processing out of the ack process buys on the same machine.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { root } from "../support/processes";
import type { Defer } from "./database";

export const WORKER_POLL_MS = process.env.WORKER_POLL_MS ?? "250";

function startWorker(databaseUrl: string, appRoot: string, env: Record<string, string>): Promise<ChildProcess> {
  // node itself (not npm → tsx → node) so the pid we measure CPU for is the process doing the work.
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", join(appRoot, "lib/cli/worker.ts")],
    {
      cwd: appRoot,
      env: { ...process.env, ...env, DATABASE_URL: databaseUrl, WORKER_POLL_MS, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Only the start-up line matters; per-batch lines are dropped so they cost nothing to keep.
      if (!output.includes("[worker] processing stored events")) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stdout?.resume();
      resolve(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[worker ${child.pid}] ${chunk.toString()}`));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${output}`));
    });
  });
}

/** `appRoot`: another checkout's code; `env`: on top of this process's environment. */
export async function startWorkers({
  count,
  databaseUrl,
  defer,
  appRoot = root,
  env = {},
}: {
  count: number;
  databaseUrl: string;
  defer: Defer;
  appRoot?: string;
  env?: Record<string, string>;
}): Promise<number[]> {
  const pids: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const child = await startWorker(databaseUrl, appRoot, env);
    pids.push(child.pid ?? -1);
    defer(`stop worker ${child.pid}`, async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
    });
  }
  return pids;
}
