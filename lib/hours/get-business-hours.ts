import "server-only";
import { getBusinessHours as getRow } from "@/lib/db/business-hours";
import { getDb } from "@/lib/db/client";
import { getPhoneNumberOrThrow } from "@/lib/settings/get-phone-number-or-throw";
import type { BusinessHoursView } from "@/lib/views/business-hours";
import { toBusinessHoursView } from "./business-hours-view";

/** One number's business hours and automatic messages (admins); the defaults until saved. */
export async function getBusinessHours({ phoneNumberId }: { phoneNumberId: string }): Promise<BusinessHoursView> {
  const db = getDb();
  await getPhoneNumberOrThrow({ db, id: phoneNumberId });
  return toBusinessHoursView(phoneNumberId, await getRow({ db, phoneNumberId }));
}
