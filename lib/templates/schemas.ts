// Input shapes of the templates API, validated with zod → 422 naming the field.
import { z } from "zod";

export const findTemplatesQuerySchema = z.object({
  /** Only the templates of this number's WABA (our phone number row id). */
  phoneNumberId: z.string().min(1).max(100).optional(),
});

export const updateTemplateBodySchema = z.object({
  agentUsable: z.boolean({ error: "agentUsable must be true or false" }),
});
export type UpdateTemplateBody = z.infer<typeof updateTemplateBodySchema>;

export const templateIdParamsSchema = z.object({ id: z.string().min(1).max(100) });
