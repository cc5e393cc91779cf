// `npm start` records where its embedded database and server listen, so the other commands
// (worker, simulate, events:replay) find them with no configuration.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { reloadEnv } from "@/lib/env";

type Runtime = { databaseUrl?: string; appUrl: string };

const runtimePath = (dataDir: string) => join(dataDir, "runtime.json");

export function writeRuntimeFile({ dataDir, runtime }: { dataDir: string; runtime: Runtime }): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(runtimePath(dataDir), `${JSON.stringify(runtime, null, 2)}\n`, { mode: 0o600 });
}

export function readRuntimeFile(dataDir: string): Runtime | null {
  const path = runtimePath(dataDir);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Runtime;
  } catch {
    return null;
  }
}

/** DATABASE_URL when set, else the embedded database of the running `npm start`. */
export function useDatabaseOfRunningApp(): void {
  const env = reloadEnv();
  if (env.DATABASE_URL) return;
  const runtime = readRuntimeFile(env.DATA_DIR);
  if (!runtime?.databaseUrl) {
    throw new Error(
      "DATABASE_URL is not set and no embedded database is running: start the app with `npm start` first.",
    );
  }
  process.env.DATABASE_URL = runtime.databaseUrl;
  reloadEnv();
}
