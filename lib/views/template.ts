// Message templates as the API answers them and the browser renders them, and the one definition
// of a template's parameters: which fields its form has, what each may hold, how the values render
// (the live preview, the sent bubble) and which `components` Meta receives. Pure, no server
// imports: the browser refuses bad values with the same rules the server's zod schema applies.

export type TemplateButtonView =
  | { type: "QUICK_REPLY"; text: string }
  | { type: "URL"; text: string; url: string }
  | { type: "PHONE_NUMBER"; text: string; phoneNumber: string }
  | { type: "COPY_CODE"; text: string }
  | { type: "OTHER"; declaredType: string; text: string };

/** A template's declared content, read leniently out of Meta's components. */
export type TemplateDefinition = {
  parameterFormat: "POSITIONAL" | "NAMED";
  /** TEXT headers carry text; media headers (IMAGE, VIDEO, DOCUMENT, LOCATION) only their format. */
  header: { format: string; text: string | null; example: string[] } | null;
  body: { text: string; example: string[] } | null;
  footer: string | null;
  buttons: TemplateButtonView[];
};

export type TemplateStatus = "APPROVED" | "PENDING" | "REJECTED" | "PAUSED" | "DISABLED" | string;

/** GET /api/templates — one template of one WABA. */
export type TemplateView = {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: string | null;
  status: TemplateStatus;
  reason: string | null;
  quality: string | null;
  agentUsable: boolean;
  /** ISO: the newest of its status, category and quality changes (or the last sync). */
  updatedAt: string;
  definition: TemplateDefinition;
  /** Why it cannot be sent from the inbox now; null when it can. */
  unavailableReason: string | null;
};

export type TemplateList = { templates: TemplateView[] };
/** The realtime patch: what Meta changed about these templates. */
export type TemplateChange = Pick<TemplateView, "id" | "status" | "reason" | "category" | "quality">;

/** POST /api/templates/sync (admins). */
export type TemplateSyncResult = {
  accounts: { wabaId: string; templates: number; error: string | null }[];
  appliedEvents: number;
};

/** The form's values: keys from templateFields (header.1, body.first_name, button.0…). */
export type TemplateValues = Record<string, string>;

/** A media header's file, already uploaded to our store (POST /api/media/uploads answers this). */
export type TemplateHeaderMedia = { sha256: string; mimeType: string; filename: string };

/** The header formats whose file the agent attaches, as the media type Meta sends it as. */
const MEDIA_HEADERS: Record<string, "image" | "video" | "document"> = {
  IMAGE: "image",
  VIDEO: "video",
  DOCUMENT: "document",
};

/** "image", "video" or "document" when the template's header is a file the agent attaches; else null. */
export function headerMediaType(definition: TemplateDefinition): "image" | "video" | "document" | null {
  return definition.header ? (MEDIA_HEADERS[definition.header.format] ?? null) : null;
}

export type TemplateFieldKind = "header" | "body" | "url" | "copy_code" | "quick_reply";

export type TemplateField = {
  key: string;
  kind: TemplateFieldKind;
  /** The placeholder's name ("1", "first_name") or the button's index. */
  name: string;
  label: string;
  maxLength: number;
  example: string | null;
  /** Header and body parameters may not hold new lines, tabs or more than 4 spaces in a row (132018). */
  singleLine: boolean;
  required: boolean;
};

// Meta's limits (business-management-api/message-templates/components): a header is at most 60
// characters, a body 1,024, a coupon code 15; a URL button at most 2,000 characters; a quick-reply
// payload is ours to choose, capped like Meta's callback data at 1,000.
export const TEMPLATE_LIMITS = { header: 60, body: 1_024, url: 2_000, copy_code: 15, quick_reply: 1_000 } as const;

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export function placeholdersOf(text: string | null | undefined): string[] {
  if (!text) return [];
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) if (!names.includes(match[1]!)) names.push(match[1]!);
  return names;
}

/** Every parameter the template declares, in the order the form shows them. */
export function templateFields(definition: TemplateDefinition): TemplateField[] {
  const fields: TemplateField[] = [];
  const header = definition.header;
  if (header?.format === "TEXT") {
    placeholdersOf(header.text).forEach((name, i) =>
      fields.push({
        key: `header.${name}`,
        kind: "header",
        name,
        label: `Header ${label(name)}`,
        maxLength: TEMPLATE_LIMITS.header,
        example: header.example[i] ?? null,
        singleLine: true,
        required: true,
      }),
    );
  }
  placeholdersOf(definition.body?.text).forEach((name, i) =>
    fields.push({
      key: `body.${name}`,
      kind: "body",
      name,
      label: `Body ${label(name)}`,
      maxLength: TEMPLATE_LIMITS.body,
      example: definition.body?.example[i] ?? null,
      singleLine: true,
      required: true,
    }),
  );
  definition.buttons.forEach((button, index) => {
    const key = `button.${index}`;
    if (button.type === "URL" && placeholdersOf(button.url).length > 0) {
      fields.push({
        key,
        kind: "url",
        name: String(index),
        label: `“${button.text}” link ending`,
        maxLength: TEMPLATE_LIMITS.url,
        example: null,
        singleLine: true,
        required: true,
      });
    } else if (button.type === "COPY_CODE") {
      fields.push({
        key,
        kind: "copy_code",
        name: String(index),
        label: "Code to copy",
        maxLength: TEMPLATE_LIMITS.copy_code,
        example: null,
        singleLine: true,
        required: true,
      });
    } else if (button.type === "QUICK_REPLY") {
      fields.push({
        key,
        kind: "quick_reply",
        name: String(index),
        label: `“${button.text}” reply payload (optional)`,
        maxLength: TEMPLATE_LIMITS.quick_reply,
        example: null,
        singleLine: true,
        required: false,
      });
    }
  });
  return fields;
}

function label(name: string): string {
  return /^\d+$/.test(name) ? `{{${name}}}` : name.replace(/_/g, " ");
}

/** What is wrong with the values, per field key; empty when they can be sent. */
export function templateValueErrors(definition: TemplateDefinition, values: TemplateValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of templateFields(definition)) {
    const value = values[field.key] ?? "";
    if (value.trim() === "") {
      if (field.required) errors[field.key] = `${field.label} is required`;
      continue;
    }
    if ([...value].length > field.maxLength) {
      errors[field.key] = `${field.label} is longer than ${field.maxLength} characters`;
    } else if (field.singleLine && /[\n\t]| {5,}/.test(value)) {
      errors[field.key] = `${field.label} may not contain new lines, tabs or more than 4 spaces in a row`;
    }
  }
  const rendered = renderTemplate(definition, values);
  if (rendered.body && [...rendered.body].length > TEMPLATE_LIMITS.body) {
    errors.body = `The message is longer than ${TEMPLATE_LIMITS.body} characters with these values`;
  }
  if (rendered.header && [...rendered.header].length > TEMPLATE_LIMITS.header) {
    errors.header = `The header is longer than ${TEMPLATE_LIMITS.header} characters with these values`;
  }
  for (const key of Object.keys(values)) {
    if (!templateFields(definition).some((field) => field.key === key)) {
      errors[key] = `${key} is not a parameter of this template`;
    }
  }
  return errors;
}

export type RenderedTemplate = {
  header: string | null;
  /** A media header's format (IMAGE, VIDEO, DOCUMENT…), shown as a placeholder. */
  headerMedia: string | null;
  body: string | null;
  footer: string | null;
  buttons: { type: string; text: string; url?: string }[];
};

/** The template as the customer will see it with these values (missing ones stay as {{name}}). */
export function renderTemplate(definition: TemplateDefinition, values: TemplateValues): RenderedTemplate {
  const fill = (text: string, prefix: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[`${prefix}.${name}`];
      return value !== undefined && value !== "" ? value : whole;
    });
  const header = definition.header;
  return {
    header: header?.format === "TEXT" && header.text ? fill(header.text, "header") : null,
    headerMedia: header && header.format !== "TEXT" ? header.format : null,
    body: definition.body ? fill(definition.body.text, "body") : null,
    footer: definition.footer,
    buttons: definition.buttons.map((button, index) => {
      if (button.type === "URL") {
        const suffix = values[`button.${index}`];
        return {
          type: button.type,
          text: button.text,
          url: suffix ? button.url.replace(PLACEHOLDER, encodeURIComponent(suffix)) : button.url,
        };
      }
      return { type: button.type === "OTHER" ? button.declaredType : button.type, text: button.text };
    }),
  };
}

/**
 * Meta's `template.components` for a send (cloud-api/guides/send-message-templates). A media header's
 * parameter names no file yet: the send worker uploads ours and adds its id (lib/outbound/stored-media.ts).
 */
export function templateComponents(
  definition: TemplateDefinition,
  values: TemplateValues,
  headerMedia: TemplateHeaderMedia | null = null,
): unknown[] {
  const named = definition.parameterFormat === "NAMED";
  const textParameter = (field: TemplateField) => ({
    type: "text",
    ...(named ? { parameter_name: field.name } : {}),
    text: values[field.key] ?? "",
  });
  const fields = templateFields(definition);
  const components: unknown[] = [];
  const header = fields.filter((field) => field.kind === "header");
  if (header.length > 0) components.push({ type: "header", parameters: header.map(textParameter) });
  const mediaType = headerMediaType(definition);
  if (mediaType && headerMedia) {
    const media = mediaType === "document" ? { filename: headerMedia.filename } : {};
    components.push({ type: "header", parameters: [{ type: mediaType, [mediaType]: media }] });
  }
  const body = fields.filter((field) => field.kind === "body");
  if (body.length > 0) components.push({ type: "body", parameters: body.map(textParameter) });
  for (const field of fields) {
    const value = values[field.key] ?? "";
    if (field.kind === "url") {
      components.push({
        type: "button",
        sub_type: "url",
        index: field.name,
        parameters: [{ type: "text", text: value }],
      });
    } else if (field.kind === "copy_code") {
      components.push({
        type: "button",
        sub_type: "copy_code",
        index: field.name,
        parameters: [{ type: "coupon_code", coupon_code: value }],
      });
    } else if (field.kind === "quick_reply" && value !== "") {
      components.push({
        type: "button",
        sub_type: "quick_reply",
        index: field.name,
        parameters: [{ type: "payload", payload: value }],
      });
    }
  }
  return components;
}

/** Why a template cannot be sent from the inbox; null when it can. */
export function templateUnavailableReason(template: {
  status: string;
  reason: string | null;
  agentUsable: boolean;
  definition: TemplateDefinition;
}): string | null {
  if (template.status !== "APPROVED") {
    const why = template.reason && template.reason !== "NONE" ? ` (${template.reason})` : "";
    return `${template.status}${why}: only approved templates can be sent`;
  }
  if (!template.agentUsable) return "Not enabled for the inbox: an admin can enable it on Settings → Templates";
  const header = template.definition.header;
  if (header && header.format !== "TEXT" && !headerMediaType(template.definition)) {
    return `Needs a ${header.format.toLowerCase()} header, which the inbox cannot send yet`;
  }
  return null;
}
