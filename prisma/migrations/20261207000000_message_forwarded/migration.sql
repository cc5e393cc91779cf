-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "forwarded" BOOLEAN NOT NULL DEFAULT false;

