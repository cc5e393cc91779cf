-- AlterTable
ALTER TABLE "contacts" ADD COLUMN     "name" VARCHAR(100),
ADD COLUMN     "notes" TEXT;


-- The list's search finds customers by the team's name for them too, as by their profile name.
CREATE INDEX "contacts_name_trgm_idx" ON "contacts" USING GIN ("name" gin_trgm_ops);
