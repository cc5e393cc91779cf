-- AlterTable
ALTER TABLE "raw_events" ADD COLUMN     "body_hash" BYTEA;

-- CreateIndex
CREATE UNIQUE INDEX "raw_events_body_hash_key" ON "raw_events"("body_hash");

