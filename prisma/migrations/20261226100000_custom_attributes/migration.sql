-- CreateEnum
CREATE TYPE "contact_attribute_type" AS ENUM ('text', 'number', 'date', 'boolean', 'list');

-- CreateTable
CREATE TABLE "contact_attributes" (
    "id" TEXT NOT NULL,
    "key" VARCHAR(40) NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "type" "contact_attribute_type" NOT NULL,
    "options" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_attributes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_attribute_values" (
    "contact_id" TEXT NOT NULL,
    "attribute_id" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_attribute_values_pkey" PRIMARY KEY ("contact_id","attribute_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "contact_attributes_key_key" ON "contact_attributes"("key");

-- CreateIndex
CREATE INDEX "contact_attribute_values_attribute_id_idx" ON "contact_attribute_values"("attribute_id");

-- AddForeignKey
ALTER TABLE "contact_attribute_values" ADD CONSTRAINT "contact_attribute_values_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_attribute_values" ADD CONSTRAINT "contact_attribute_values_attribute_id_fkey" FOREIGN KEY ("attribute_id") REFERENCES "contact_attributes"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Attribute names are unique whatever their case ("VIP" and "vip" would be one field to a person).
CREATE UNIQUE INDEX "contact_attributes_name_key" ON "contact_attributes"(lower("name"));
