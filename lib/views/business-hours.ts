// What the business hours API answers, shared by the server and the settings form.
import type { BusinessHoursSchedule } from "@/lib/views/business-hours-schedule";

/** The longest automatic message (Meta's limit for a text message body). */
export const MAX_AUTO_REPLY_LENGTH = 4096;
export const MAX_INTERVALS_PER_DAY = 6;
export const MAX_HOLIDAYS = 366;

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
