import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { getBusinessHours, upsertBusinessHours } from "@/lib/db/business-hours";
import { getDb } from "@/lib/db/client";
import { getPhoneNumberOrThrow, phoneNumberAuditTarget } from "@/lib/settings/get-phone-number-or-throw";
import { publishRealtime } from "@/lib/realtime/server";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import type { BusinessHoursView } from "@/lib/views/business-hours";
import { toBusinessHoursView } from "./business-hours-view";
import type { UpdateBusinessHoursBody } from "./schemas";

/**
 * Saves a number's schedule and automatic messages (admins), audited with what changed (never the
 * texts). Open inboxes reload the numbers, so "Back at" follows at once.
 */
export async function updateBusinessHours({
  user,
  phoneNumberId,
  body,
}: {
  user: CurrentUser;
  phoneNumberId: string;
  body: UpdateBusinessHoursBody;
}): Promise<BusinessHoursView> {
  const view = await getDb().$transaction(async (db) => {
    const number = await getPhoneNumberOrThrow({ db, id: phoneNumberId });
    const before = await getBusinessHours({ db, phoneNumberId });
    const hours = { phoneNumberId, ...body };
    await upsertBusinessHours({ db, hours });
    const changed = [
      before?.timeZone !== body.timeZone ? "time zone" : null,
      JSON.stringify(before?.weekly) !== JSON.stringify(body.weekly) ? "weekly hours" : null,
      JSON.stringify(before?.holidays) !== JSON.stringify(body.holidays) ? "holidays" : null,
      before?.awayEnabled !== body.awayEnabled ? `away message ${body.awayEnabled ? "on" : "off"}` : null,
      before && before.awayText !== body.awayText ? "away text" : null,
      before?.greetingEnabled !== body.greetingEnabled ? `greeting ${body.greetingEnabled ? "on" : "off"}` : null,
      before && before.greetingText !== body.greetingText ? "greeting text" : null,
    ].filter((change) => change !== null);
    await recordAuditEvent({
      db,
      actor: user,
      action: "business_hours.updated",
      ...phoneNumberAuditTarget(number),
      detail: changed.join(", ") || "unchanged",
    });
    return toBusinessHoursView(phoneNumberId, hours);
  });
  await publishRealtime({ ...emptyInboxChanges(), phoneNumbersChanged: [phoneNumberId] });
  return view;
}
