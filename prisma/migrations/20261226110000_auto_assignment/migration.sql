-- CreateEnum
CREATE TYPE "user_availability" AS ENUM ('online', 'away');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "availability" "user_availability" NOT NULL DEFAULT 'away';

-- CreateTable
CREATE TABLE "auto_assignments" (
    "phone_number_id" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "cap" INTEGER,
    "last_assignee_id" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auto_assignments_pkey" PRIMARY KEY ("phone_number_id")
);

-- AddForeignKey
ALTER TABLE "auto_assignments" ADD CONSTRAINT "auto_assignments_phone_number_id_fkey" FOREIGN KEY ("phone_number_id") REFERENCES "phone_numbers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The cap an admin can set (the API checks it too, and no path can store another).
ALTER TABLE "auto_assignments" ADD CONSTRAINT "auto_assignments_cap_range" CHECK ("cap" IS NULL OR "cap" BETWEEN 1 AND 1000);
