-- CreateTable
CREATE TABLE "templates" (
    "id" TEXT NOT NULL,
    "waba_id" TEXT NOT NULL,
    "meta_id" TEXT,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "category" TEXT,
    "status" TEXT NOT NULL DEFAULT 'UNKNOWN',
    "reason" TEXT,
    "quality" TEXT,
    "parameter_format" TEXT NOT NULL DEFAULT 'POSITIONAL',
    "components" JSONB NOT NULL DEFAULT '[]',
    "agent_usable" BOOLEAN NOT NULL DEFAULT false,
    "status_at" TIMESTAMPTZ(3) NOT NULL DEFAULT 'epoch'::timestamptz,
    "category_at" TIMESTAMPTZ(3) NOT NULL DEFAULT 'epoch'::timestamptz,
    "quality_at" TIMESTAMPTZ(3) NOT NULL DEFAULT 'epoch'::timestamptz,
    "synced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "templates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "templates_meta_id_idx" ON "templates"("meta_id");

-- CreateIndex
CREATE UNIQUE INDEX "templates_waba_id_name_language_key" ON "templates"("waba_id", "name", "language");


