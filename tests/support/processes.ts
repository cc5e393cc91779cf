// Starting and stopping real processes for tests: `next start` servers and the project's CLIs.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..", "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export type RunningServer = {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/**
 * A production `next start` of the built app, ready when /api/health answers. `appRoot`: another
 * checkout's build (a benchmark comparing two builds).
 */
export async function startNextServer(env: Record<string, string>, appRoot: string = root): Promise<RunningServer> {
  const port = await freePort();
  let output = "";
  const child = spawn(
    process.execPath,
    [join(appRoot, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: appRoot,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        // The tests stand in for a reverse proxy on loopback: each HttpSession's X-Forwarded-For is
        // then its client address, so per-address limits of one test never touch another's.
        // A test of the untrusted default passes TRUST_PROXY: "".
        TRUST_PROXY: "127.0.0.1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`next start did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    process: child,
    output: () => output,
    stop: stopper(child),
  };
}

/** Runs one of the project's npm scripts to completion and returns its output. */
export async function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "-s", script, "--", ...args], { cwd: root, env: { ...process.env, ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

export type RunningWorker = {
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/** `npm run worker` as its own process (processing and sending), so a test can kill it. */
export function startWorker(env: Record<string, string>): RunningWorker {
  let output = "";
  const child = spawn(
    process.execPath,
    // tsx as a loader in this very process (its CLI would run the worker in a child that a kill misses).
    ["--conditions=react-server", "--import", "tsx", join(root, "lib/cli/worker.ts")],
    { cwd: root, env: { ...process.env, NODE_ENV: "production", ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    process: child,
    output: () => output,
    stop: stopper(child),
  };
}

/** How long a stopped process may take to exit before it is killed. */
const STOP_GRACE_MS = 10_000;

/**
 * Stops the process and resolves once it has exited; one still alive STOP_GRACE_MS after the signal
 * is killed (SIGKILL). A server left running would share the cores with every later measurement
 * (seen: a benchmark's next-server outlived its run and skewed the next ones).
 */
function stopper(child: ChildProcess): (signal?: NodeJS.Signals) => Promise<void> {
  return (signal = "SIGTERM") =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill(signal);
    });
}
