import "server-only";
import { getBusinessHours as getRow } from "@/lib/db/business-hours";
import { getDb } from "@/lib/db/client";
import { getPhoneNumber } from "@/lib/db/phone-numbers";
import type { BusinessHoursView } from "@/lib/views/business-hours";
import { toBusinessHoursView } from "./business-hours-view";
import { phoneNumberNotFound } from "./hours-errors";

/** One number's business hours and automatic messages (admins); the defaults until saved. */
export async function getBusinessHours({ phoneNumberId }: { phoneNumberId: string }): Promise<BusinessHoursView> {
  const db = getDb();
  if (!(await getPhoneNumber({ db, id: phoneNumberId }))) throw phoneNumberNotFound(phoneNumberId);
  return toBusinessHoursView(phoneNumberId, await getRow({ db, phoneNumberId }));
}
