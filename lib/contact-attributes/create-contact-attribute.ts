import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { countContactAttributes, createContactAttribute as createRow } from "@/lib/db/contact-attributes";
import { AppError } from "@/lib/http/app-error";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishRealtime } from "@/lib/realtime/server";
import { contactAttributeTarget } from "@/lib/views/audit";
import {
  attributeKeyFromName,
  attributeTypeNames,
  type ContactAttributeView,
  MAX_ATTRIBUTES,
} from "@/lib/views/contact-attributes";
import { attributeClash, attributeTaken } from "./attribute-errors";
import type { CreateContactAttributeBody } from "./schemas";

/** A new contact attribute (admins; the route enforces it), audited, and a field in every open contact panel. */
export async function createContactAttribute({
  user,
  body,
}: {
  user: CurrentUser;
  body: CreateContactAttributeBody;
}): Promise<ContactAttributeView> {
  const key = body.key ?? attributeKeyFromName(body.name);
  if (key === "") {
    throw new AppError("validation_failed", {
      message: "key: the name gives no key",
      userMessage: "key: Give a key of lower-case letters, digits and _ (the name has no letter to make one from)",
    });
  }
  try {
    const attribute = await getDb().$transaction(async (db) => {
      // Serialised with other creations, so two at once cannot pass the limit together.
      await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('contact_attributes'))`;
      if ((await countContactAttributes({ db })) >= MAX_ATTRIBUTES) {
        throw new AppError("conflict", {
          message: `already ${MAX_ATTRIBUTES} contact attributes`,
          userMessage: `There are already ${MAX_ATTRIBUTES} attributes, the most there can be: delete one first.`,
        });
      }
      const created = await createRow({
        db,
        attribute: { key, name: body.name, type: body.type, options: body.options ?? [] },
      });
      await recordAuditEvent({
        db,
        actor: user,
        action: "contact_attribute.created",
        target: contactAttributeTarget(created.id),
        targetLabel: created.name,
        detail: `${key} · ${attributeTypeNames[created.type]}${created.options.length ? `: ${created.options.join(", ")}` : ""}`,
      });
      return created;
    });
    await publishRealtime({ ...emptyInboxChanges(), contactAttributesChanged: [attribute.id] });
    return { ...attribute, contactCount: 0 };
  } catch (error) {
    const clash = attributeClash(error);
    if (clash) throw attributeTaken(clash, clash === "key" ? key : body.name);
    throw error;
  }
}
