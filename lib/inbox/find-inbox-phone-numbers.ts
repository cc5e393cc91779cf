import "server-only";
import { findBusinessHours } from "@/lib/db/business-hours";
import { getDb } from "@/lib/db/client";
import { findPhoneNumbers } from "@/lib/db/phone-numbers";
import type { InboxPhoneNumberView } from "@/lib/views/inbox";

/** Our numbers for the inbox's number filter and "Back at": what any agent may see (no WABA ids, no texts). */
export async function findInboxPhoneNumbers(): Promise<InboxPhoneNumberView[]> {
  const db = getDb();
  const [numbers, hours] = await Promise.all([findPhoneNumbers({ db }), findBusinessHours({ db })]);
  const byNumber = new Map(hours.map((row) => [row.phoneNumberId, row]));
  return numbers.map((row) => {
    const schedule = byNumber.get(row.id);
    return {
      id: row.id,
      displayPhoneNumber: row.displayPhoneNumber,
      name: row.name,
      hours: schedule ? { timeZone: schedule.timeZone, weekly: schedule.weekly, holidays: schedule.holidays } : null,
    };
  });
}
