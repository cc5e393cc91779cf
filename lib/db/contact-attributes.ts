import "server-only";
import type { AttributeType, ContactAttributeValueView, ContactAttributeView } from "@/lib/views/contact-attributes";
import type { Db } from "./client";

export type ContactAttributeRow = Omit<ContactAttributeView, "contactCount">;

const SELECT = { id: true, key: true, name: true, type: true, options: true } as const;

/** Every attribute with how many contacts have a value for it, by name. */
export async function findContactAttributes({ db }: { db: Db }): Promise<ContactAttributeView[]> {
  const rows = await db.$queryRaw<(ContactAttributeRow & { count: number })[]>`
    SELECT a.id, a.key, a.name, a.type::text AS type, a.options,
           (SELECT count(*)::int FROM contact_attribute_values v WHERE v.attribute_id = a.id) AS count
    FROM contact_attributes a ORDER BY lower(a.name), a.id`;
  return rows.map(({ count, ...row }) => ({ ...row, contactCount: count }));
}

export async function getContactAttribute({ db, id }: { db: Db; id: string }): Promise<ContactAttributeRow | null> {
  return db.contactAttribute.findUnique({ where: { id }, select: SELECT });
}

export async function countContactAttributes({ db }: { db: Db }): Promise<number> {
  return db.contactAttribute.count();
}

export async function createContactAttribute({
  db,
  attribute,
}: {
  db: Db;
  attribute: { key: string; name: string; type: AttributeType; options: string[] };
}): Promise<ContactAttributeRow> {
  return db.contactAttribute.create({ data: attribute, select: SELECT });
}

export async function updateContactAttribute({
  db,
  id,
  change,
}: {
  db: Db;
  id: string;
  change: { name?: string; options?: string[] };
}): Promise<ContactAttributeRow> {
  return db.contactAttribute.update({ where: { id }, data: change, select: SELECT });
}

/** How many contacts hold each of these values of an attribute (the options a change would drop). */
export async function countAttributeValues({
  db,
  attributeId,
  values,
}: {
  db: Db;
  attributeId: string;
  values?: string[];
}): Promise<number> {
  return db.contactAttributeValue.count({
    where: { attributeId, ...(values ? { value: { in: values } } : {}) },
  });
}

/** Deletes the attribute and every contact's value of it (cascade); the ids of those contacts. */
export async function deleteContactAttribute({ db, id }: { db: Db; id: string }): Promise<string[]> {
  const rows = await db.contactAttributeValue.findMany({ where: { attributeId: id }, select: { contactId: true } });
  await db.contactAttribute.delete({ where: { id } });
  return rows.map((row) => row.contactId);
}

/** Every attribute, by name, with this contact's value or null. */
export async function findContactAttributeValues({
  db,
  contactId,
}: {
  db: Db;
  contactId: string;
}): Promise<ContactAttributeValueView[]> {
  return db.$queryRaw<ContactAttributeValueView[]>`
    SELECT a.id, a.key, a.name, a.type::text AS type, a.options, v.value
    FROM contact_attributes a
    LEFT JOIN contact_attribute_values v ON v.attribute_id = a.id AND v.contact_id = ${contactId}
    ORDER BY lower(a.name), a.id`;
}

export type SetValueOutcome = "set" | "unchanged" | "no_contact";

/**
 * Sets (value) or removes (null) one contact's value of one attribute. "no_contact" when the
 * contact does not exist; the attribute was read (and locked) by the caller in the same transaction.
 */
export async function setContactAttributeValue({
  db,
  contactId,
  attributeId,
  value,
}: {
  db: Db;
  contactId: string;
  attributeId: string;
  value: string | null;
}): Promise<SetValueOutcome> {
  // Locked so that a contact deleted meanwhile (merged, demo data) is a "no_contact", not a foreign key error.
  const contact = await db.$queryRaw<{ id: string }[]>`SELECT id FROM contacts WHERE id = ${contactId} FOR SHARE`;
  if (contact.length === 0) return "no_contact";
  if (value === null) {
    const { count } = await db.contactAttributeValue.deleteMany({ where: { contactId, attributeId } });
    return count > 0 ? "set" : "unchanged";
  }
  const rows = await db.$queryRaw<{ changed: boolean }[]>`
    INSERT INTO contact_attribute_values (contact_id, attribute_id, value, updated_at)
    VALUES (${contactId}, ${attributeId}, ${value}, now())
    ON CONFLICT (contact_id, attribute_id) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
      WHERE contact_attribute_values.value IS DISTINCT FROM EXCLUDED.value
    RETURNING true AS changed`;
  return rows.length > 0 ? "set" : "unchanged";
}
