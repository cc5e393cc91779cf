-- CreateTable
CREATE TABLE "business_hours" (
    "phone_number_id" TEXT NOT NULL,
    "time_zone" VARCHAR(64) NOT NULL,
    "weekly" JSONB NOT NULL,
    "holidays" JSONB NOT NULL DEFAULT '[]',
    "away_enabled" BOOLEAN NOT NULL DEFAULT false,
    "away_text" TEXT NOT NULL DEFAULT '',
    "greeting_enabled" BOOLEAN NOT NULL DEFAULT false,
    "greeting_text" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "business_hours_pkey" PRIMARY KEY ("phone_number_id")
);

-- CreateTable
CREATE TABLE "auto_replies" (
    "conversation_id" TEXT NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "message_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auto_replies_pkey" PRIMARY KEY ("conversation_id","kind","period_start")
);

-- CreateIndex
CREATE UNIQUE INDEX "auto_replies_message_id_key" ON "auto_replies"("message_id");

-- AddForeignKey
ALTER TABLE "business_hours" ADD CONSTRAINT "business_hours_phone_number_id_fkey" FOREIGN KEY ("phone_number_id") REFERENCES "phone_numbers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auto_replies" ADD CONSTRAINT "auto_replies_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auto_replies" ADD CONSTRAINT "auto_replies_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;
