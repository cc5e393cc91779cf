// The one Prisma client of a process, on the pg driver adapter (no native query engine).
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "@/lib/env";
import { PrismaClient } from "./generated/client.ts";

import { Prisma } from "./generated/client.ts";
export { Prisma };
export type { PrismaClient } from "./generated/client.ts";
export type Db = PrismaClient | Prisma.TransactionClient;

const globalForPrisma = globalThis as unknown as { __inboxPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string, poolSize?: number): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize ?? getEnv().DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

/** Lazily created so that importing lib/db never needs a database (builds, unit tests). */
export function getDb(): PrismaClient {
  if (!globalForPrisma.__inboxPrisma) {
    const url = getEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
    globalForPrisma.__inboxPrisma = createPrismaClient(url);
  }
  return globalForPrisma.__inboxPrisma;
}
