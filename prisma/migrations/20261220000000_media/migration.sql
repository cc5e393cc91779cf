-- CreateEnum
CREATE TYPE "media_state" AS ENUM ('pending', 'stored', 'failed');

-- CreateTable
CREATE TABLE "media" (
    "message_id" TEXT NOT NULL,
    "media_id" TEXT NOT NULL,
    "webhook_sha256" TEXT,
    "state" "media_state" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "not_before" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "waiting_for_token" BOOLEAN NOT NULL DEFAULT false,
    "sha256" TEXT,
    "mime_type" TEXT,
    "size" INTEGER,
    "error" TEXT,
    "stored_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_pkey" PRIMARY KEY ("message_id")
);

-- CreateIndex
CREATE INDEX "media_state_not_before_idx" ON "media"("state", "not_before");

-- AddForeignKey
ALTER TABLE "media" ADD CONSTRAINT "media_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Media messages received before downloads existed get a job too. Those within the 7 days Meta
-- keeps them download, older ones are marked failed with that reason at their first attempt.
INSERT INTO "media" ("message_id", "media_id", "webhook_sha256", "expires_at")
SELECT "id", "content"->>'id', "content"->>'sha256', "timestamp" + interval '7 days'
FROM "messages"
WHERE "direction" = 'inbound'
  AND "type" IN ('image', 'audio', 'video', 'document', 'sticker')
  AND jsonb_typeof("content"->'id') = 'string';
