// Input shapes of the contact panel API, validated with zod → 422 naming the field.
import { z } from "zod";
import { safeText } from "@/lib/http/text";
import { MAX_CONTACT_NAME_LENGTH, MAX_CONTACT_NOTES_LENGTH } from "@/lib/views/contacts";

const savedName = z
  .union([
    safeText({ max: MAX_CONTACT_NAME_LENGTH, label: "name" }).refine(
      (value) => !/[\r\n\t]/.test(value),
      "A name is one line",
    ),
    z.null(),
  ])
  // "" or blanks clear the name: the list then shows the WhatsApp profile name again.
  .transform((value) => (value === null ? null : value.trim().replace(/\s+/g, " ") || null));
const notes = safeText({ max: MAX_CONTACT_NOTES_LENGTH, label: "notes" });

export const updateContactBodySchema = z
  .object({ savedName: savedName.optional(), notes: notes.optional() })
  .strict()
  .refine((body) => body.savedName !== undefined || body.notes !== undefined, {
    message: "Send a savedName or notes to change",
  });
export type UpdateContactBody = z.infer<typeof updateContactBodySchema>;
