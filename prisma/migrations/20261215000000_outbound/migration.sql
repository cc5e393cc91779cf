-- CreateEnum
CREATE TYPE "send_state" AS ENUM ('queued', 'sending', 'sent', 'failed', 'unknown');

-- AlterTable
ALTER TABLE "phone_numbers" ADD COLUMN     "throughput_per_second" INTEGER NOT NULL DEFAULT 80;

-- AlterTable
ALTER TABLE "conversations" ADD COLUMN     "read_receipt_wamid" TEXT,
ADD COLUMN     "typing_sent_at" TIMESTAMPTZ(3),
ADD COLUMN     "window_closed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "author_id" TEXT,
ADD COLUMN     "author_kind" TEXT,
ADD COLUMN     "client_id" TEXT,
ADD COLUMN     "retry_of_id" TEXT,
ADD COLUMN     "send_error_code" INTEGER,
ADD COLUMN     "send_error_details" TEXT,
ADD COLUMN     "send_error_title" TEXT,
ADD COLUMN     "send_state" "send_state",
ALTER COLUMN "wamid" DROP NOT NULL;

-- CreateTable
CREATE TABLE "outbound_sends" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "message_id" TEXT,
    "conversation_id" TEXT NOT NULL,
    "phone_number_id" TEXT NOT NULL,
    "recipient_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "context" JSONB,
    "state" "send_state" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "not_before" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "wamid" TEXT,
    "error_code" INTEGER,
    "error_title" TEXT,
    "error_details" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbound_sends_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbound_sends_message_id_key" ON "outbound_sends"("message_id");

-- CreateIndex
CREATE INDEX "outbound_sends_state_id_idx" ON "outbound_sends"("state", "id");

-- CreateIndex
CREATE INDEX "outbound_sends_recipient_key_id_idx" ON "outbound_sends"("recipient_key", "id");

-- CreateIndex
CREATE UNIQUE INDEX "messages_retry_of_id_key" ON "messages"("retry_of_id");

-- CreateIndex
CREATE UNIQUE INDEX "messages_author_id_client_id_key" ON "messages"("author_id", "client_id");

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbound_sends" ADD CONSTRAINT "outbound_sends_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

