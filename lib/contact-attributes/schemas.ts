// Input shapes of the contact attributes API, validated with zod → 422 naming the field. A value is
// checked against its attribute's type in set-contact-attribute-value.ts (it needs the attribute).
import { z } from "zod";
import { idSchema, safeText } from "@/lib/http/text";
import {
  ATTRIBUTE_KEY_PATTERN,
  ATTRIBUTE_TYPES,
  MAX_ATTRIBUTE_KEY_LENGTH,
  MAX_ATTRIBUTE_NAME_LENGTH,
  MAX_ATTRIBUTE_OPTION_LENGTH,
  MAX_ATTRIBUTE_OPTIONS,
  MAX_ATTRIBUTE_TEXT_LENGTH,
} from "@/lib/views/contact-attributes";

const oneLine = (max: number, label: string) =>
  safeText({ max, label })
    .refine((value) => !/[\r\n\t]/.test(value), `The ${label} is one line`)
    .transform((value) => value.trim().replace(/\s+/g, " "));

const name = oneLine(MAX_ATTRIBUTE_NAME_LENGTH, "name").refine((value) => value !== "", "Give the attribute a name");
const key = z
  .string()
  .max(MAX_ATTRIBUTE_KEY_LENGTH, `Keep the key under ${MAX_ATTRIBUTE_KEY_LENGTH} characters`)
  .regex(ATTRIBUTE_KEY_PATTERN, "A key is lower-case letters, digits and _, starting with a letter (order_number)");
const type = z.enum(ATTRIBUTE_TYPES, { error: `type must be one of ${ATTRIBUTE_TYPES.join(", ")}` });
const options = z
  .array(oneLine(MAX_ATTRIBUTE_OPTION_LENGTH, "option").refine((value) => value !== "", "An option cannot be empty"))
  .max(MAX_ATTRIBUTE_OPTIONS, `At most ${MAX_ATTRIBUTE_OPTIONS} options`)
  .refine(
    (list) => new Set(list.map((option) => option.toLowerCase())).size === list.length,
    "Each option once (whatever its case)",
  );

export const createContactAttributeBodySchema = z
  .object({ name, key: key.optional(), type, options: options.optional() })
  .strict()
  .superRefine((body, context) => {
    if (body.type === "list" && (body.options?.length ?? 0) < 2) {
      context.addIssue({ code: "custom", path: ["options"], message: "A list needs at least two options" });
    }
    if (body.type !== "list" && (body.options?.length ?? 0) > 0) {
      context.addIssue({ code: "custom", path: ["options"], message: "Only a list attribute has options" });
    }
  });
export type CreateContactAttributeBody = z.infer<typeof createContactAttributeBodySchema>;

/** The key and type never change (values were checked against the type); the name and a list's options do. */
export const updateContactAttributeBodySchema = z
  .object({ name: name.optional(), options: options.optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.options !== undefined, {
    message: "Send a name or options to change",
  });
export type UpdateContactAttributeBody = z.infer<typeof updateContactAttributeBodySchema>;

/** Strings are capped here (before the per-type check) so a huge body is refused cheaply. */
export const setContactAttributeValueBodySchema = z
  .object({
    value: z.union(
      [
        z.string().max(MAX_ATTRIBUTE_TEXT_LENGTH * 2, `Keep the value under ${MAX_ATTRIBUTE_TEXT_LENGTH} characters`),
        z.number(),
        z.boolean(),
        z.null(),
      ],
      { error: "value must be a text, a number, true or false, or null" },
    ),
  })
  .strict();
export type SetContactAttributeValueBody = z.infer<typeof setContactAttributeValueBodySchema>;

/** PUT /api/contacts/[id]/attributes/[attributeId]. */
export const contactAttributeParamsSchema = z.object({ id: idSchema, attributeId: idSchema });
