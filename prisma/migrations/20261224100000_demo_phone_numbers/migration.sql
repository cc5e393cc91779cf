-- AlterTable
ALTER TABLE "phone_numbers" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

Loaded Prisma config from prisma.config.ts.

