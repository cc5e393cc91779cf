// A fresh, migrated database on the test run's Postgres server, for tests that need an empty app
// (first-run setup, the ADMIN_EMAIL bootstrap). Dropped by the test that made it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { runPrisma } from "../../lib/cli/prisma";

export type FreshDatabase = { url: string; drop: () => Promise<void> };

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createFreshDatabase(): Promise<FreshDatabase> {
  const name = `inbox_test_fresh_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${name}`;
  runPrisma(["migrate", "deploy"], { DATABASE_URL: url.toString() });
  return {
    url: url.toString(),
    drop: async () => {
      if (process.env.KEEP_TEST_DATABASE !== "1") await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
