// Meta's message templates: the list endpoint's shape, the three template webhooks, and the reader
// that turns stored components into a TemplateDefinition. Pure protocol: no database.
import { z } from "zod";
import type { TemplateButtonView, TemplateDefinition } from "@/lib/views/template";

const componentSchema = z.looseObject({
  type: z.string(),
  format: z.string().optional(),
  text: z.string().optional(),
  example: z
    .looseObject({
      header_text: z.array(z.string()).optional(),
      header_text_named_params: z.array(z.looseObject({ param_name: z.string(), example: z.string() })).optional(),
      body_text: z.array(z.array(z.string())).optional(),
      body_text_named_params: z.array(z.looseObject({ param_name: z.string(), example: z.string() })).optional(),
    })
    .optional()
    .catch(undefined),
  buttons: z
    .array(
      z.looseObject({
        type: z.string(),
        text: z.string().optional(),
        url: z.string().optional(),
        phone_number: z.string().optional(),
        example: z
          .union([z.array(z.string()), z.string()])
          .optional()
          .catch(undefined),
      }),
    )
    .optional()
    .catch(undefined),
});

/** One template of `GET /{waba-id}/message_templates`. */
export const graphTemplateSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string().min(1),
  language: z.string().min(1),
  status: z.string().min(1),
  category: z.string().optional(),
  parameter_format: z.string().optional(),
  components: z.array(z.unknown()).optional(),
  rejected_reason: z.string().optional(),
  quality_score: z.looseObject({ score: z.string().optional() }).optional(),
});
export type GraphTemplate = z.infer<typeof graphTemplateSchema>;

export const graphTemplatePageSchema = z.object({
  data: z.array(z.unknown()),
  paging: z
    .looseObject({
      cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});
export type GraphTemplatePage = z.infer<typeof graphTemplatePageSchema>;

/** What the template webhooks say, whichever of the three it is; null when it names no template. */
export type TemplateEvent = {
  metaId: string | null;
  name: string;
  language: string;
  status: string | null;
  reason: string | null;
  category: string | null;
  quality: string | null;
};

const idSchema = z.union([z.string(), z.number()]).transform(String);
const templateEventSchema = z.looseObject({
  message_template_id: idSchema.optional(),
  message_template_name: z.string().min(1),
  message_template_language: z.string().min(1),
  event: z.string().optional(),
  reason: z.string().nullish(),
  other_info: z.looseObject({ title: z.string().optional(), description: z.string().optional() }).optional(),
  message_template_category: z.string().optional(),
  new_category: z.string().optional(),
  new_quality_score: z.string().optional(),
});

export const TEMPLATE_EVENT_FIELDS = [
  "message_template_status_update",
  "template_category_update",
  "message_template_quality_update",
] as const;

export function readTemplateEvent(field: string, value: unknown): TemplateEvent | null {
  const read = templateEventSchema.safeParse(value);
  if (!read.success) return null;
  const event = read.data;
  const base = {
    metaId: event.message_template_id ?? null,
    name: event.message_template_name,
    language: event.message_template_language,
    status: null,
    reason: null,
    category: null,
    quality: null,
  };
  if (field === "message_template_status_update") {
    const status = statusOfEvent(event.event);
    const info = event.other_info?.description ?? event.other_info?.title;
    const reason = [event.reason && event.reason !== "NONE" ? event.reason : null, info ?? null]
      .filter(Boolean)
      .join(": ");
    return { ...base, status, reason: reason || null, category: event.message_template_category ?? null };
  }
  if (field === "template_category_update") return { ...base, category: event.new_category ?? null };
  if (field === "message_template_quality_update") return { ...base, quality: event.new_quality_score ?? null };
  return null;
}

/** The status an event leaves the template in (FLAGGED is a warning, not a status of its own). */
function statusOfEvent(event: string | undefined): string | null {
  if (!event || event === "FLAGGED") return null;
  if (event === "REINSTATED") return "APPROVED";
  return event;
}

/** A template's components as stored, read field by field; what cannot be read is left out. */
export function readTemplateDefinition({
  parameterFormat,
  components,
}: {
  parameterFormat: string;
  components: unknown;
}): TemplateDefinition {
  const list = Array.isArray(components) ? components : [];
  const parsed = list.flatMap((item) => {
    const component = componentSchema.safeParse(item);
    return component.success ? [component.data] : [];
  });
  const find = (type: string) => parsed.find((component) => component.type.toUpperCase() === type);
  const header = find("HEADER");
  const body = find("BODY");
  const footer = find("FOOTER");
  const buttons = find("BUTTONS")?.buttons ?? [];
  return {
    parameterFormat: parameterFormat.toUpperCase() === "NAMED" ? "NAMED" : "POSITIONAL",
    header: header
      ? {
          format: (header.format ?? "TEXT").toUpperCase(),
          text: header.text ?? null,
          example: header.example?.header_text ?? header.example?.header_text_named_params?.map((p) => p.example) ?? [],
        }
      : null,
    body:
      body?.text !== undefined
        ? {
            text: body.text,
            example: body.example?.body_text?.[0] ?? body.example?.body_text_named_params?.map((p) => p.example) ?? [],
          }
        : null,
    footer: footer?.text ?? null,
    buttons: buttons.map((button): TemplateButtonView => {
      const text = button.text ?? "";
      switch (button.type.toUpperCase()) {
        case "QUICK_REPLY":
          return { type: "QUICK_REPLY", text };
        case "URL":
          return { type: "URL", text, url: button.url ?? "" };
        case "PHONE_NUMBER":
          return { type: "PHONE_NUMBER", text, phoneNumber: button.phone_number ?? "" };
        case "COPY_CODE":
          return { type: "COPY_CODE", text: text || "Copy code" };
        default:
          return { type: "OTHER", declaredType: button.type, text };
      }
    }),
  };
}
