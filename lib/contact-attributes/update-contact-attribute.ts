import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import {
  countAttributeValues,
  getContactAttribute,
  updateContactAttribute as updateRow,
} from "@/lib/db/contact-attributes";
import { AppError } from "@/lib/http/app-error";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishRealtime } from "@/lib/realtime/server";
import { contactAttributeTarget } from "@/lib/views/audit";
import type { ContactAttributeView } from "@/lib/views/contact-attributes";
import { attributeClash, attributeNotFound, attributeTaken } from "./attribute-errors";
import type { UpdateContactAttributeBody } from "./schemas";

/**
 * Renames an attribute or changes a list's options (admins), audited; every open panel redraws. An
 * option some contacts hold is not dropped silently: the change is refused, saying how many.
 */
export async function updateContactAttribute({
  user,
  id,
  body,
}: {
  user: CurrentUser;
  id: string;
  body: UpdateContactAttributeBody;
}): Promise<ContactAttributeView> {
  try {
    const attribute = await getDb().$transaction(async (db) => {
      await db.$queryRaw`SELECT id FROM contact_attributes WHERE id = ${id} FOR UPDATE`;
      const before = await getContactAttribute({ db, id });
      if (!before) throw attributeNotFound(id);
      if (body.options !== undefined) {
        if (before.type !== "list") {
          throw new AppError("validation_failed", {
            message: "options: not a list attribute",
            userMessage: "options: Only a list attribute has options",
          });
        }
        if (body.options.length < 2) {
          throw new AppError("validation_failed", {
            message: "options: fewer than two",
            userMessage: "options: A list needs at least two options",
          });
        }
        const dropped = before.options.filter((option) => !body.options!.includes(option));
        const held = dropped.length > 0 ? await countAttributeValues({ db, attributeId: id, values: dropped }) : 0;
        if (held > 0) {
          throw new AppError("conflict", {
            message: `options ${dropped.join(", ")} of ${id} are held by ${held} contacts`,
            userMessage: `${held} contact${held === 1 ? " has" : "s have"} “${dropped.join("”, “")}”: change their value before removing it.`,
          });
        }
      }
      const updated = await updateRow({ db, id, change: body });
      const changes = [
        body.name !== undefined && body.name !== before.name ? `renamed from “${before.name}”` : null,
        body.options !== undefined && body.options.join("\n") !== before.options.join("\n")
          ? `options: ${updated.options.join(", ")}`
          : null,
      ].filter((change) => change !== null);
      await recordAuditEvent({
        db,
        actor: user,
        action: "contact_attribute.updated",
        target: contactAttributeTarget(id),
        targetLabel: updated.name,
        detail: changes.join("; ") || "unchanged",
      });
      return { ...updated, contactCount: await countAttributeValues({ db, attributeId: id }) };
    });
    await publishRealtime({ ...emptyInboxChanges(), contactAttributesChanged: [id] });
    return attribute;
  } catch (error) {
    if (attributeClash(error) && body.name) throw attributeTaken("name", body.name);
    throw error;
  }
}
