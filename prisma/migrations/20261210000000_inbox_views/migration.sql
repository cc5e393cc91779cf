-- AlterTable
ALTER TABLE "conversations" ADD COLUMN     "assignee_id" TEXT;

-- CreateTable
CREATE TABLE "conversation_reads" (
    "user_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "read_up_to" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_reads_pkey" PRIMARY KEY ("user_id","conversation_id")
);

-- CreateIndex
CREATE INDEX "conversations_assignee_id_idx" ON "conversations"("assignee_id");

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Inbox list order and search (not expressible in schema.prisma, kept here on purpose).
-- The list is ordered newest activity first, keyset pagination walks this index.
CREATE INDEX "conversations_activity_idx" ON "conversations" ((COALESCE("last_message_at", "created_at")) DESC, "id" DESC);

-- Search by name, number and message text: substring matches through trigram indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "messages_text_trgm_idx" ON "messages" USING GIN ("text" gin_trgm_ops);
CREATE INDEX "contacts_profile_name_trgm_idx" ON "contacts" USING GIN ("profile_name" gin_trgm_ops);
CREATE INDEX "contacts_wa_id_trgm_idx" ON "contacts" USING GIN ("wa_id" gin_trgm_ops);
