import "server-only";
import { getContactPanel } from "@/lib/contacts/get-contact-panel";
import { getDb } from "@/lib/db/client";
import { getContactAttribute, setContactAttributeValue as setRow } from "@/lib/db/contact-attributes";
import { AppError } from "@/lib/http/app-error";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishRealtime } from "@/lib/realtime/server";
import type { ContactPanelView } from "@/lib/views/contacts";
import { parseAttributeValue } from "@/lib/views/contact-attributes";
import { attributeNotFound, contactNotFound } from "./attribute-errors";
import type { SetContactAttributeValueBody } from "./schemas";

/**
 * An agent fills in (or empties, which removes) one of a customer's attributes. The value is checked
 * against the attribute's type; every open panel of the customer redraws (contact-updated).
 */
export async function setContactAttributeValue({
  contactId,
  attributeId,
  body,
}: {
  contactId: string;
  attributeId: string;
  body: SetContactAttributeValueBody;
}): Promise<ContactPanelView> {
  const outcome = await getDb().$transaction(async (db) => {
    // Locked against a concurrent delete of the attribute (whose values would otherwise survive it).
    await db.$queryRaw`SELECT id FROM contact_attributes WHERE id = ${attributeId} FOR SHARE`;
    const attribute = await getContactAttribute({ db, id: attributeId });
    if (!attribute) throw attributeNotFound(attributeId);
    const parsed = parseAttributeValue({ type: attribute.type, options: attribute.options, value: body.value });
    if (!parsed.ok) {
      throw new AppError("validation_failed", {
        message: `value for ${attribute.key}: ${parsed.message}`,
        userMessage: `value: ${parsed.message}`,
      });
    }
    return setRow({ db, contactId, attributeId, value: parsed.value });
  });
  if (outcome === "no_contact") throw contactNotFound(contactId);
  if (outcome === "set") await publishRealtime({ ...emptyInboxChanges(), contactsUpdated: [contactId] });
  return getContactPanel({ id: contactId });
}
