import "server-only";
import { type AuditActor, createAuditLog } from "@/lib/db/audit-logs";
import { getDb } from "@/lib/db/client";
import { updatePhoneNumber } from "@/lib/db/phone-numbers";
import { phoneNumberTarget } from "@/lib/views/audit";
import { getPhoneNumberOrThrow } from "./get-phone-number-or-throw";
import { toPhoneNumberView } from "./phone-number-view";
import type { PhoneNumberView } from "@/lib/views/settings";
import type { UpdatePhoneNumberBody } from "./schemas";

/** An admin names one of our numbers and sets its WhatsApp Business Account id; audited. */
export async function updatePhoneNumberSettings({
  id,
  body,
  actor,
}: {
  id: string;
  body: UpdatePhoneNumberBody;
  actor: AuditActor;
}): Promise<PhoneNumberView> {
  return getDb().$transaction(async (db) => {
    const current = await getPhoneNumberOrThrow({ db, id });
    const changed = [
      ...(current.name !== body.name ? ["name"] : []),
      ...((current.businessAccount?.wabaId ?? null) !== body.wabaId ? ["WABA id"] : []),
    ];
    const updated = await updatePhoneNumber({ db, id, name: body.name, wabaId: body.wabaId });
    if (changed.length) {
      await createAuditLog({
        db,
        actor,
        action: "phone_number.updated",
        target: phoneNumberTarget(current.phoneNumberId),
        detail: changed.join(", "),
      });
    }
    return toPhoneNumberView(updated);
  });
}
