// What the business hours API answers, shared by the server and the settings form.
import type { BusinessHoursSchedule } from "@/lib/hours/schedule";

/** GET/PATCH /api/settings/phone-numbers/[id]/business-hours → `{ businessHours }`. */
export type BusinessHoursView = BusinessHoursSchedule & {
  phoneNumberId: string;
  /** False until an admin saves hours for this number: the values are then the defaults. */
  configured: boolean;
  awayEnabled: boolean;
  awayText: string;
  greetingEnabled: boolean;
  greetingText: string;
};
