import "server-only";
import type { Db } from "@/lib/db/client";
import { getPhoneNumber } from "@/lib/db/phone-numbers";
import { getTemplate } from "@/lib/db/templates";
import { AppError } from "@/lib/http/app-error";
import { getMediaStorage } from "@/lib/media/storage";
import { checkOutboundMedia } from "@/lib/views/outbound-media";
import {
  headerMediaType,
  renderTemplate,
  templateComponents,
  templateUnavailableReason,
  templateValueErrors,
  type RenderedTemplate,
  type TemplateHeaderMedia,
  type TemplateValues,
} from "@/lib/views/template";
import { readTemplateDefinition } from "@/lib/whatsapp/template-schema";

export type PreparedTemplate = {
  /** What search and previews use: the rendered header and body. */
  text: string;
  /** Stored on the message: Meta's template object plus what the customer sees (the bubble). */
  content: { name: string; language: { code: string }; components: unknown[]; rendered: RenderedTemplate };
  /** `template` of the send's body, exactly as Meta documents it (a media header's id added when it leaves). */
  payload: { name: string; language: { code: string }; components: unknown[] };
  /** The media header's file in our store: uploaded to Meta by the send worker, shown on the bubble. */
  headerFile: (TemplateHeaderMedia & { size: number }) | null;
};

/**
 * Checks a template send before anything is recorded: the template exists in the WABA of the
 * number it leaves from, is APPROVED and enabled for the inbox, and the values fill every parameter
 * it declares within Meta's limits (the browser's rules, lib/views/template.ts). 422 otherwise,
 * with a precise code in the message.
 */
export async function prepareTemplateMessage({
  db,
  templateId,
  values,
  headerMedia = null,
  phoneNumberRowId,
}: {
  db: Db;
  templateId: string;
  values: TemplateValues;
  /** The header's file as locateHeaderFile found it (looked up before any transaction). */
  headerMedia?: LocatedHeaderFile | null;
  phoneNumberRowId: string;
}): Promise<PreparedTemplate> {
  const [template, number] = await Promise.all([
    getTemplate({ db, id: templateId }),
    getPhoneNumber({ db, id: phoneNumberRowId }),
  ]);
  if (!template || template.wabaId !== number?.businessAccount?.wabaId) {
    throw new AppError("validation_failed", {
      message: `template ${templateId} is not a template of the WABA of ${phoneNumberRowId}`,
      userMessage: "template_not_found: this template does not belong to the business number of this conversation.",
    });
  }
  const definition = readTemplateDefinition({
    parameterFormat: template.parameterFormat,
    components: template.components,
  });
  const unavailable = templateUnavailableReason({ ...template, definition });
  if (unavailable) {
    const code = template.status !== "APPROVED" ? "template_not_approved" : "template_not_usable";
    throw new AppError("validation_failed", {
      message: `template ${template.name} (${template.language}) cannot be sent: ${unavailable}`,
      userMessage: `${code}: “${template.name}” (${template.language}) cannot be sent — ${unavailable}.`,
    });
  }
  const errors = templateValueErrors(definition, values);
  const problems = Object.values(errors);
  if (problems.length > 0) {
    throw new AppError("validation_failed", {
      message: `template ${template.name}: ${problems.join("; ")}`,
      userMessage: `template_parameters: ${problems.join("; ")}`,
    });
  }
  const headerFile = checkedHeaderMedia(headerMediaType(definition), headerMedia);
  const rendered = renderTemplate(definition, values);
  const payload = {
    name: template.name,
    language: { code: template.language },
    components: templateComponents(definition, values, headerFile),
  };
  return {
    text: [rendered.header, rendered.body].filter(Boolean).join("\n") || template.name,
    content: { ...payload, rendered },
    payload,
    headerFile,
  };
}

export type LocatedHeaderFile = TemplateHeaderMedia & { size: number | null };

/**
 * The header's file with its size in our store (null: not there). Read before the send's
 * transaction: the store may be S3, and no network call should hold the conversation's lock.
 */
export async function locateHeaderFile(file: TemplateHeaderMedia | null): Promise<LocatedHeaderFile | null> {
  if (!file) return null;
  const stored = await getMediaStorage().stat(file.sha256);
  return { ...file, size: stored?.size ?? null };
}

/** The header's file: required by an image/video/document header, in our store, of that kind and within Meta's limit. */
function checkedHeaderMedia(
  wanted: "image" | "video" | "document" | null,
  file: LocatedHeaderFile | null,
): (TemplateHeaderMedia & { size: number }) | null {
  const refuse = (why: string) =>
    new AppError("validation_failed", { message: why, userMessage: `headerMedia: ${why}` });
  if (!wanted) {
    if (file) throw refuse("this template has no media header, so it takes no file");
    return null;
  }
  if (!file) throw refuse(`this template's header is ${article(wanted)} ${wanted}: attach one`);
  const size = file.size;
  if (size === null) throw refuse("that file is not in this app's store: upload it to POST /api/media/uploads first");
  const check = checkOutboundMedia({ mimeType: file.mimeType, size });
  if (!check.ok) throw refuse(check.message);
  if (check.type !== wanted)
    throw refuse(`this template's header is ${article(wanted)} ${wanted}, not ${article(check.type)} ${check.type}`);
  return { ...file, mimeType: check.mimeType, size };
}

const article = (word: string) => (/^[aeiou]/.test(word) ? "an" : "a");
