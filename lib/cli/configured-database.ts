// The database a command works on when nobody names one: DATABASE_URL, else the embedded database
// `npm start` uses — the running one (runtime.json), or started here for the command's duration.
import pg from "pg";
import { reloadEnv } from "@/lib/env";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./embedded-postgres";
import { readRuntimeFile } from "@/lib/runtime-file";

export type ConfiguredDatabase = {
  url: string;
  /** Which database and how it was found, for the command to print. */
  which: string;
  /** Set when this process started the embedded Postgres: stop it when done. */
  embedded?: EmbeddedDatabase;
};

export async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const where = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
};

export async function openConfiguredDatabase(): Promise<ConfiguredDatabase> {
  const env = reloadEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, which: `DATABASE_URL (${where(env.DATABASE_URL)})` };
  const running = readRuntimeFile(env.DATA_DIR)?.databaseUrl;
  if (running && (await reachable(running)))
    return { url: running, which: `the embedded database of the running npm start (${where(running)})` };
  const embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, database: "inbox" });
  return {
    url: embedded.url,
    which: `the embedded database in ${env.DATA_DIR}/postgres (started for this run: ${where(embedded.url)})`,
    embedded,
  };
}
