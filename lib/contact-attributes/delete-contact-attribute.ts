import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { deleteContactAttribute as deleteRow, getContactAttribute } from "@/lib/db/contact-attributes";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishRealtime } from "@/lib/realtime/server";
import { contactAttributeTarget } from "@/lib/views/audit";
import { attributeNotFound } from "./attribute-errors";

/** Deletes an attribute (admins) with every contact's value of it, audited with how many had one. */
export async function deleteContactAttribute({ user, id }: { user: CurrentUser; id: string }): Promise<void> {
  await getDb().$transaction(async (db) => {
    const attribute = await getContactAttribute({ db, id });
    if (!attribute) throw attributeNotFound(id);
    const ids = await deleteRow({ db, id });
    await recordAuditEvent({
      db,
      actor: user,
      action: "contact_attribute.deleted",
      target: contactAttributeTarget(id),
      targetLabel: attribute.name,
      detail: `${attribute.key}, with the values of ${ids.length} contact${ids.length === 1 ? "" : "s"}`,
    });
  });
  // One event for every panel (the field goes), not one per contact that had a value.
  await publishRealtime({ ...emptyInboxChanges(), contactAttributesChanged: [id] });
}
