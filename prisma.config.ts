// Prisma CLI configuration: the pg driver adapter lets migrations run on the bundled WASM schema
// engine, so no native engine binary is ever downloaded (see README → Architecture).
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";

export default {
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
} satisfies PrismaConfig;
