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

// Prisma 6 requires `url` in the schema's datasource yet warns on every command that, with the
// driver adapter of prisma.config.ts, it is unused. Nothing to act on: the block is dropped.
const ADAPTER_URL_WARNING =
  /\n?WARNING: Your schema specifies the following datasource properties but you are using a Driver Adapter[\s\S]*?only using driver adapters\.\n?/;

export function withoutAdapterWarning(output: string): string {
  return output.replace(ADAPTER_URL_WARNING, "\n");
}

/**
 * Runs a Prisma CLI command; throws with its output on failure. `quiet` keeps a successful run's
 * output to itself (answered instead), for `npm start`, which says in one line what happened.
 */
export function runPrisma(
  args: string[],
  extra: Record<string, string> = {},
  { quiet = false }: { quiet?: boolean } = {},
): string {
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", env: prismaEnv(extra) });
  const output = withoutAdapterWarning(`${result.stdout ?? ""}${result.stderr ?? ""}`);
  if (result.status !== 0) {
    process.stderr.write(output);
    throw new Error(`prisma ${args.join(" ")} failed with exit code ${result.status}`);
  }
  if (!quiet) process.stdout.write(output);
  return output;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    runPrisma(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
