-- The sandbox demo's numbers carry a mark: they and their conversations are demo data (deleted in one click).
ALTER TABLE "phone_numbers" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;
