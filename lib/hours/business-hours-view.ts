import "server-only";
import type { BusinessHoursRow } from "@/lib/db/business-hours";
import type { BusinessHoursView } from "@/lib/views/business-hours";
import { emptyWeekly } from "@/lib/views/business-hours-schedule";

const nineToFive = () => [{ start: "09:00", end: "17:00" }];

/** A number's hours as the API shows them; the defaults (Mon–Fri 09:00–17:00 UTC, all off) when none are saved. */
export function toBusinessHoursView(phoneNumberId: string, row: BusinessHoursRow | null): BusinessHoursView {
  if (row) return { ...row, configured: true };
  return {
    phoneNumberId,
    configured: false,
    timeZone: "UTC",
    weekly: {
      ...emptyWeekly(),
      mon: nineToFive(),
      tue: nineToFive(),
      wed: nineToFive(),
      thu: nineToFive(),
      fri: nineToFive(),
    },
    holidays: [],
    awayEnabled: false,
    awayText: "",
    greetingEnabled: false,
    greetingText: "",
  };
}
