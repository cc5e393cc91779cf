-- Names every agent sees are capped in the database too, so no endpoint can store a longer one.
-- Longer names stored before the cap (through better-auth's own update-user) are cut first.
UPDATE "phone_numbers" SET "name" = left("name", 100) WHERE char_length("name") > 100;
UPDATE "users" SET "name" = left("name", 100) WHERE char_length("name") > 100;

-- AlterTable
ALTER TABLE "phone_numbers" ALTER COLUMN "name" SET DATA TYPE VARCHAR(100);

-- AlterTable
ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE VARCHAR(100);
