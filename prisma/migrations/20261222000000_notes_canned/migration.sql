-- CreateTable
CREATE TABLE "note_mentions" (
    "message_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "note_mentions_pkey" PRIMARY KEY ("message_id","user_id")
);

-- CreateTable
CREATE TABLE "canned_replies" (
    "id" TEXT NOT NULL,
    "owner_id" TEXT,
    "title" VARCHAR(100) NOT NULL,
    "shortcut" VARCHAR(40) NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "canned_replies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "note_mentions_user_id_conversation_id_idx" ON "note_mentions"("user_id", "conversation_id");

-- CreateIndex
CREATE INDEX "canned_replies_owner_id_idx" ON "canned_replies"("owner_id");

-- AddForeignKey
ALTER TABLE "note_mentions" ADD CONSTRAINT "note_mentions_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note_mentions" ADD CONSTRAINT "note_mentions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Shortcuts are unique per scope, whatever their case: the shared list, and each agent's own.
CREATE UNIQUE INDEX "canned_replies_scope_shortcut_key" ON "canned_replies"(COALESCE("owner_id", ''), lower("shortcut"));
