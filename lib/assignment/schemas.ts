// Input shapes of availability and auto-assignment, validated with zod → 422 naming the field.
import { z } from "zod";
import { AUTO_ASSIGN_CAP_MAX, AVAILABILITIES } from "@/lib/views/assignment";

export const updateAvailabilityBodySchema = z
  .object({ availability: z.enum(AVAILABILITIES, { error: `Choose one of ${AVAILABILITIES.join(", ")}` }) })
  .strict();
export type UpdateAvailabilityBody = z.infer<typeof updateAvailabilityBodySchema>;

export const updateAutoAssignmentBodySchema = z
  .object({
    enabled: z.boolean({ error: "Say true (on) or false (off)" }),
    cap: z
      .number({ error: `Give a whole number from 1 to ${AUTO_ASSIGN_CAP_MAX}, or null for no cap` })
      .int(`Give a whole number from 1 to ${AUTO_ASSIGN_CAP_MAX}`)
      .min(1, `At least 1 (or no cap)`)
      .max(AUTO_ASSIGN_CAP_MAX, `At most ${AUTO_ASSIGN_CAP_MAX}`)
      .nullable(),
  })
  .strict();
export type UpdateAutoAssignmentBody = z.infer<typeof updateAutoAssignmentBodySchema>;
