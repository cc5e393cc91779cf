// Input shapes of the canned replies API, validated with zod → 422 naming the field.
import { z } from "zod";
import { idSchema, safeText } from "@/lib/http/text";

/** A reply is text for the customer: Meta's limit for a text body. */
export const MAX_CANNED_TEXT_LENGTH = 4_096;

const title = safeText({ max: 100, label: "title" })
  .transform((value) => value.trim())
  .refine((value) => value !== "", "Give the reply a title");
const shortcut = z
  .string({ error: "shortcut must be a string" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "shortcut: 1–40 letters, digits, - or _ (it is typed after /)");
const text = safeText({ max: MAX_CANNED_TEXT_LENGTH, label: "text" }).refine(
  (value) => value.trim() !== "",
  "Write the reply's text",
);
const scope = z.enum(["shared", "personal"], { error: 'scope must be "shared" or "personal"' });

export const createCannedReplyBodySchema = z.object({ title, shortcut, text, scope });
export type CreateCannedReplyBody = z.infer<typeof createCannedReplyBodySchema>;

/** Moving a reply between the shared list and someone's own is not an edit: delete and create. */
export const updateCannedReplyBodySchema = z
  .object({ title: title.optional(), shortcut: shortcut.optional(), text: text.optional() })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Send a title, shortcut or text to change",
  });
export type UpdateCannedReplyBody = z.infer<typeof updateCannedReplyBodySchema>;

export const findCannedRepliesQuerySchema = z.object({
  conversationId: z.preprocess((value) => (value === "" ? undefined : value), idSchema.optional()),
});
