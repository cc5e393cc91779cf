// npm start's first process. Ctrl-C signals the terminal's whole process group at once — the
// embedded Postgres included, which then ends the app's connections under it mid-query (57P01
// stacks from next-server, the worker and the demo's seeding). So the services run in a process
// group of their own (this same script again, with INBOX_SUPERVISED=1), and this process turns the
// signal into one orderly stop: the app and its workers first, Postgres last.
import { spawn } from "node:child_process";

const SUPERVISED = "INBOX_SUPERVISED";
const REPEAT_AFTER_MS = 1_000;

/**
 * True in the supervised process (the caller then runs the services). Otherwise starts it, passes
 * SIGINT and SIGTERM on as one SIGTERM (a second one kills its whole group), exits with its exit
 * code, and returns false.
 */
export function superviseUnlessSupervised(): boolean {
  if (process.env[SUPERVISED] === "1") {
    // The supervisor went away without passing a signal on (it was killed): stop all the same.
    process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
    return true;
  }
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: { ...process.env, [SUPERVISED]: "1" },
  });
  let firstSignalAt: number | null = null;
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const now = Date.now();
    if (firstSignalAt === null) {
      firstSignalAt = now;
      child.kill("SIGTERM");
      return;
    }
    // A second Ctrl-C (a build or migrations still running, say): everything in its group, at once.
    // Not the same signal arriving twice: a terminal's group signal and npm's or tsx's relay of it
    // come within milliseconds of each other.
    if (now - firstSignalAt > REPEAT_AFTER_MS && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return false;
}
