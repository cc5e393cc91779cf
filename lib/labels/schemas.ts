// Input shapes of the labels API, validated with zod → 422 naming the field.
import { z } from "zod";
import { idSchema, safeText } from "@/lib/http/text";
import { LABEL_COLORS, MAX_LABEL_NAME_LENGTH } from "@/lib/views/labels";

const name = safeText({ max: MAX_LABEL_NAME_LENGTH, label: "name" })
  .refine((value) => !/[\r\n\t]/.test(value), "A label's name is one line")
  .transform((value) => value.trim().replace(/\s+/g, " "))
  .refine((value) => value !== "", "Give the label a name");
const color = z.enum(LABEL_COLORS, { error: `color must be one of ${LABEL_COLORS.join(", ")}` });

export const createLabelBodySchema = z.object({ name, color }).strict();
export type CreateLabelBody = z.infer<typeof createLabelBodySchema>;

export const updateLabelBodySchema = z
  .object({ name: name.optional(), color: color.optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.color !== undefined, { message: "Send a name or color to change" });
export type UpdateLabelBody = z.infer<typeof updateLabelBodySchema>;

export const addConversationLabelBodySchema = z.object({ labelId: idSchema }).strict();

/** DELETE /api/conversations/[id]/labels/[labelId]. */
export const conversationLabelParamsSchema = z.object({ id: idSchema, labelId: idSchema });
