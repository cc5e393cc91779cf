// Input shape of a number's business hours (PATCH …/business-hours, the whole of it), validated with zod → 422 naming
// the field. Shared by the API route and the settings form.
import { z } from "zod";
import { safeText } from "@/lib/http/text";
import { isValidTimeZone, WEEKDAYS } from "@/lib/views/business-hours-schedule";

import { MAX_AUTO_REPLY_LENGTH, MAX_HOLIDAYS, MAX_INTERVALS_PER_DAY } from "@/lib/views/business-hours";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Write a time as HH:MM, 00:00–23:59");
const endTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "Write a time as HH:MM, 00:00–24:00");

const interval = z
  .object({ start: time, end: endTime })
  .strict()
  .refine((value) => value.start !== value.end, {
    message: "An interval ends at another time than it starts (an end before the start runs past midnight)",
  });

const day = z.array(interval).max(MAX_INTERVALS_PER_DAY, `At most ${MAX_INTERVALS_PER_DAY} intervals a day`);

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Write a date as YYYY-MM-DD")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "Not a calendar date");

const autoText = (label: string) => safeText({ max: MAX_AUTO_REPLY_LENGTH, label }).transform((value) => value.trim());

export const updateBusinessHoursBodySchema = z
  .object({
    timeZone: z
      .string()
      .max(64, "Not a time zone: use an IANA name such as Europe/Berlin")
      .refine(isValidTimeZone, "Not a time zone: use an IANA name such as Europe/Berlin"),
    weekly: z
      .object(Object.fromEntries(WEEKDAYS.map((name) => [name, day])) as Record<(typeof WEEKDAYS)[number], typeof day>)
      .strict(),
    holidays: z
      .array(date)
      .max(MAX_HOLIDAYS, `At most ${MAX_HOLIDAYS} holidays`)
      .transform((dates) => [...new Set(dates)].sort()),
    awayEnabled: z.boolean(),
    awayText: autoText("away message"),
    greetingEnabled: z.boolean(),
    greetingText: autoText("greeting"),
  })
  .strict()
  .superRefine((body, context) => {
    if (body.awayEnabled && body.awayText === "")
      context.addIssue({ code: "custom", path: ["awayText"], message: "Write the away message, or turn it off" });
    if (body.greetingEnabled && body.greetingText === "")
      context.addIssue({ code: "custom", path: ["greetingText"], message: "Write the greeting, or turn it off" });
  });
export type UpdateBusinessHoursBody = z.infer<typeof updateBusinessHoursBodySchema>;
