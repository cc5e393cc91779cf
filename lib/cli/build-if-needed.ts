// Builds the Next.js app when there is no build or the sources changed since the last one, so
// `npm start` on a fresh clone (or after a `git pull`) just works, and a restart costs nothing.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "next.config.ts",
  "postcss.config.mjs",
  "instrumentation.ts",
  "package-lock.json",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function fingerprint(root: string): string {
  const hash = createHash("sha256");
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (!SKIP.has(entry)) visit(join(path, entry));
    } else {
      hash.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  for (const source of SOURCES) visit(join(root, source));
  return hash.digest("hex");
}

/**
 * `bench`: the benchmark's build (.next-bench, with the `*.bench.ts` routes; next.config.ts), which
 * `next start` serves when INBOX_BENCH_BUILD=1 is in its environment too.
 */
export function buildIfNeeded({
  root,
  force = false,
  bench = false,
}: {
  root: string;
  force?: boolean;
  bench?: boolean;
}): void {
  const distDir = join(root, bench ? ".next-bench" : ".next");
  const marker = join(distDir, "inbox-build-fingerprint");
  const current = fingerprint(root);
  const built = existsSync(join(distDir, "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === current;
  if (built && !force) return;
  console.log(`[start] building the app (next build${bench ? ", benchmark routes included" : ""})…`);
  const result = spawnSync(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...(bench ? { INBOX_BENCH_BUILD: "1" } : {}) },
  });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
  // Measured again: next build itself may rewrite tsconfig.json.
  writeFileSync(marker, fingerprint(root));
}
