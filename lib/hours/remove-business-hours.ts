import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { deleteBusinessHours } from "@/lib/db/business-hours";
import { getDb } from "@/lib/db/client";
import { getPhoneNumberOrThrow, phoneNumberAuditTarget } from "@/lib/settings/get-phone-number-or-throw";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishRealtime } from "@/lib/realtime/server";
import type { BusinessHoursView } from "@/lib/views/business-hours";
import { toBusinessHoursView } from "./business-hours-view";

/**
 * Takes a number's business hours away (admins): it is open at all hours again, no away message or
 * greeting goes out, and open inboxes stop showing "Back at". Audited when there were hours to
 * remove; removing none is a no-op answered like a success. Auto-replies already queued still go
 * (they are messages in the reply pipeline by then).
 */
export async function removeBusinessHours({
  user,
  phoneNumberId,
}: {
  user: CurrentUser;
  phoneNumberId: string;
}): Promise<BusinessHoursView> {
  const removed = await getDb().$transaction(async (db) => {
    const number = await getPhoneNumberOrThrow({ db, id: phoneNumberId });
    if (!(await deleteBusinessHours({ db, phoneNumberId }))) return false;
    await recordAuditEvent({
      db,
      actor: user,
      action: "business_hours.removed",
      ...phoneNumberAuditTarget(number),
    });
    return true;
  });
  if (removed) await publishRealtime({ ...emptyInboxChanges(), phoneNumbersChanged: [phoneNumberId] });
  return toBusinessHoursView(phoneNumberId, null);
}
