// Runs the Prisma CLI offline-safe: no engine download is ever attempted.
// With engineType "client" and the pg driver adapter, neither generate nor migrate needs a native
// engine; pointing these variables at an existing file stops the CLI from fetching one.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

export function prismaEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    ...extra,
  };
}

export function runPrisma(args: string[], extra: Record<string, string> = {}): void {
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, ...args], {
    stdio: "inherit",
    env: prismaEnv(extra),
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed with exit code ${result.status}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    runPrisma(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
