// Input shape of POST /api/conversations/[id]/notes, validated with zod → 422 naming the field.
import { z } from "zod";
import { isStorableText } from "@/lib/http/storable-text";
import { idSchema } from "@/lib/http/text";

/** A note is for the team, not Meta; the same cap as a reply keeps it readable in one bubble. */
export const MAX_NOTE_LENGTH = 4_096;
/** More would be a broadcast, not a mention. */
export const MAX_MENTIONS = 20;

export const createNoteBodySchema = z.object({
  clientId: z.uuid({ error: "clientId must be a UUID (crypto.randomUUID() in the browser)" }),
  text: z
    .string({ error: "text must be a string" })
    .refine(isStorableText, "text must not contain control characters or invalid Unicode")
    .refine((text) => text.trim() !== "", "Write a note first: text is empty")
    .refine((text) => [...text].length <= MAX_NOTE_LENGTH, `text is longer than ${MAX_NOTE_LENGTH} characters`),
  /** The colleagues picked with @ (each must still be named as @Name in the text to be notified). */
  mentionIds: z
    .array(idSchema)
    .max(MAX_MENTIONS, `Mention at most ${MAX_MENTIONS} colleagues in one note`)
    .optional()
    .transform((ids) => [...new Set(ids ?? [])]),
});
export type CreateNoteBody = z.infer<typeof createNoteBodySchema>;
