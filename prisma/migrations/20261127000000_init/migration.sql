-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "raw_event_state" AS ENUM ('pending', 'processed', 'failed');

-- CreateEnum
CREATE TYPE "conversation_status" AS ENUM ('open', 'pending', 'resolved');

-- CreateEnum
CREATE TYPE "message_direction" AS ENUM ('inbound', 'outbound');

-- CreateEnum
CREATE TYPE "message_status" AS ENUM ('pending', 'sent', 'failed', 'delivered', 'read', 'played');

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "raw_events" (
    "id" BIGSERIAL NOT NULL,
    "body" BYTEA NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" "raw_event_state" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "raw_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "business_accounts" (
    "id" TEXT NOT NULL,
    "waba_id" TEXT NOT NULL,
    "name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "business_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "phone_numbers" (
    "id" TEXT NOT NULL,
    "phone_number_id" TEXT NOT NULL,
    "display_phone_number" TEXT,
    "name" TEXT,
    "business_account_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "phone_numbers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contacts" (
    "id" TEXT NOT NULL,
    "wa_id" TEXT,
    "user_id" TEXT,
    "profile_name" TEXT,
    "username" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" TEXT NOT NULL,
    "contact_id" TEXT NOT NULL,
    "phone_number_id" TEXT NOT NULL,
    "status" "conversation_status" NOT NULL DEFAULT 'open',
    "last_message_at" TIMESTAMPTZ(3),
    "last_inbound_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" TEXT NOT NULL,
    "wamid" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "direction" "message_direction" NOT NULL,
    "type" TEXT NOT NULL,
    "text" TEXT,
    "content" JSONB,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "timestamp_issue" TEXT,
    "reply_to_wamid" TEXT,
    "referral" JSONB,
    "errors" JSONB,
    "status" "message_status",
    "status_at" TIMESTAMPTZ(3),
    "error_code" INTEGER,
    "error_title" TEXT,
    "raw_event_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_events" (
    "id" TEXT NOT NULL,
    "wamid" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "timestamp_issue" TEXT,
    "recipient_id" TEXT,
    "phone_number_id" TEXT,
    "error_code" INTEGER,
    "error_title" TEXT,
    "errors" JSONB,
    "pricing" JSONB,
    "conversation" JSONB,
    "biz_opaque_data" TEXT,
    "raw_event_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reactions" (
    "id" TEXT NOT NULL,
    "target_wamid" TEXT NOT NULL,
    "from_key" TEXT NOT NULL,
    "direction" "message_direction" NOT NULL,
    "emoji" TEXT NOT NULL,
    "wamid" TEXT NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_events" (
    "id" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "raw_event_id" BIGINT NOT NULL,
    "field" TEXT NOT NULL,
    "waba_id" TEXT,
    "value" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_counters" (
    "name" TEXT NOT NULL,
    "count" BIGINT NOT NULL DEFAULT 0,
    "last_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_detail" TEXT,

    CONSTRAINT "webhook_counters_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "raw_events_state_id_idx" ON "raw_events"("state", "id");

-- CreateIndex
CREATE INDEX "raw_events_received_at_idx" ON "raw_events"("received_at");

-- CreateIndex
CREATE UNIQUE INDEX "business_accounts_waba_id_key" ON "business_accounts"("waba_id");

-- CreateIndex
CREATE UNIQUE INDEX "phone_numbers_phone_number_id_key" ON "phone_numbers"("phone_number_id");

-- CreateIndex
CREATE UNIQUE INDEX "contacts_wa_id_key" ON "contacts"("wa_id");

-- CreateIndex
CREATE UNIQUE INDEX "contacts_user_id_key" ON "contacts"("user_id");

-- CreateIndex
CREATE INDEX "conversations_last_message_at_idx" ON "conversations"("last_message_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "conversations_contact_id_phone_number_id_key" ON "conversations"("contact_id", "phone_number_id");

-- CreateIndex
CREATE UNIQUE INDEX "messages_wamid_key" ON "messages"("wamid");

-- CreateIndex
CREATE INDEX "messages_conversation_id_timestamp_idx" ON "messages"("conversation_id", "timestamp");

-- CreateIndex
CREATE INDEX "messages_reply_to_wamid_idx" ON "messages"("reply_to_wamid");

-- CreateIndex
CREATE UNIQUE INDEX "status_events_wamid_status_timestamp_key" ON "status_events"("wamid", "status", "timestamp");

-- CreateIndex
CREATE UNIQUE INDEX "reactions_target_wamid_from_key_key" ON "reactions"("target_wamid", "from_key");

-- CreateIndex
CREATE UNIQUE INDEX "account_events_dedupe_key_key" ON "account_events"("dedupe_key");

-- CreateIndex
CREATE INDEX "account_events_field_created_at_idx" ON "account_events"("field", "created_at");

-- AddForeignKey
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_business_account_id_fkey" FOREIGN KEY ("business_account_id") REFERENCES "business_accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_phone_number_id_fkey" FOREIGN KEY ("phone_number_id") REFERENCES "phone_numbers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

