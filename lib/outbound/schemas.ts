// Input shapes of the send API (bodies), validated with zod → 422 naming the field.
import { z } from "zod";

/** Meta's limit for a text body (cloud-api/reference/messages#text-object), in characters. */
export const MAX_TEXT_LENGTH = 4_096;

// Postgres text cannot hold NUL (nor can a message to a customer): refused with the field named.
const noNul = (value: string) => !value.includes("\u0000");
const id = z.string().min(1).max(100).refine(noNul, "Must not contain NUL characters");
const clientId = z.uuid({ error: "clientId must be a UUID (crypto.randomUUID() in the browser)" });

export const sendTextBodySchema = z.object({
  clientId,
  type: z.literal("text"),
  text: z
    .string({ error: "text must be a string" })
    .refine(noNul, "text must not contain NUL characters")
    .refine((text) => text.trim() !== "", "Write a message first: text is empty")
    .refine((text) => [...text].length <= MAX_TEXT_LENGTH, `text is longer than ${MAX_TEXT_LENGTH} characters`),
  replyToMessageId: id.nullish(),
});
export type SendTextBody = z.infer<typeof sendTextBodySchema>;

/**
 * The form's values by field key (header.1, body.first_name, button.0…). Each value is checked
 * against the template's own parameters on the server (lib/views/template.ts: the same rules the
 * browser applies), once the template is known.
 */
export const templateValuesSchema = z
  .record(
    z
      .string()
      .max(100)
      .regex(/^(header|body|button)\.[A-Za-z0-9_]{1,64}$/, "not a template parameter key"),
    z
      .string({ error: "Each template parameter must be a string" })
      .max(2_000)
      .refine(noNul, "Must not contain NUL characters"),
  )
  .refine((values) => Object.keys(values).length <= 100, "Too many template parameters");

/** A media header's file, uploaded first to POST /api/media/uploads (which answers these fields). */
export const templateHeaderMediaSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "headerMedia.sha256 must be the upload's sha256 (64 hex digits)"),
  mimeType: z.string().min(1).max(120).refine(noNul, "Must not contain NUL characters"),
  filename: z.string().min(1).max(240).refine(noNul, "Must not contain NUL characters"),
});

export const sendTemplateBodySchema = z.object({
  clientId,
  type: z.literal("template"),
  templateId: id,
  values: templateValuesSchema.default({}),
  headerMedia: templateHeaderMediaSchema.nullish(),
});
export type SendTemplateBody = z.infer<typeof sendTemplateBodySchema>;

export const sendMessageBodySchema = z.discriminatedUnion("type", [sendTextBodySchema, sendTemplateBodySchema], {
  error: 'type must be "text" or "template" (media come later)',
});
export type SendMessageBody = z.infer<typeof sendMessageBodySchema>;

/** POST /api/conversations — start a conversation with a template. */
export const startConversationBodySchema = z.object({
  clientId,
  phoneNumberId: id,
  /** Any common way of writing an international number; normalised to E.164 on the server. */
  to: z.string({ error: "to must be a phone number" }).min(1, "Enter the customer's phone number").max(40),
  templateId: id,
  values: templateValuesSchema.default({}),
  headerMedia: templateHeaderMediaSchema.nullish(),
});
export type StartConversationBody = z.infer<typeof startConversationBodySchema>;

export const sendReactionBodySchema = z.object({
  clientId,
  targetMessageId: id,
  // One emoji (a grapheme may take several code points); "" removes our reaction.
  emoji: z.string().max(32, "emoji must be a single emoji").refine(noNul, "Must not contain NUL characters"),
});
export type SendReactionBody = z.infer<typeof sendReactionBodySchema>;

export const retryMessageBodySchema = z.object({
  clientId,
  confirmUnconfirmed: z.boolean().optional(),
});
export type RetryMessageBody = z.infer<typeof retryMessageBodySchema>;

/** A header value the browser percent-encoded (headers are Latin-1; file names and captions are not). */
const encodedHeader = (label: string, max: number) =>
  z
    .string()
    .transform((value, context) => {
      try {
        return decodeURIComponent(value);
      } catch {
        context.addIssue({ code: "custom", message: `${label} must be percent-encoded (encodeURIComponent)` });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .string()
        .refine(noNul, `${label} must not contain NUL characters`)
        .refine((text) => [...text].length <= max, `${label} is longer than ${max} characters`),
    );

/**
 * POST /api/conversations/[id]/media: the file is the raw body, described by its headers —
 * Content-Type (the file's), Content-Length, X-Client-Id, and percent-encoded X-File-Name and X-Caption.
 */
export const sendMediaHeadersSchema = z.object({
  contentType: z.string({ error: "Content-Type: say what the file is (e.g. application/pdf)" }).min(1),
  contentLength: z.coerce
    .number({ error: "Content-Length is required (the file's size in bytes)" })
    .int("Content-Length must be a whole number of bytes")
    .nonnegative("Content-Length must be a whole number of bytes"),
  clientId,
  fileName: encodedHeader("X-File-Name", 240)
    .transform((name) => name.trim() || null)
    .nullish(),
  caption: encodedHeader("X-Caption", 1_024)
    .transform((text) => (text.trim() === "" ? null : text))
    .nullish(),
});
export type SendMediaHeaders = z.infer<typeof sendMediaHeadersSchema>;

/** POST /api/media/uploads: a file for a template's media header, described like an attachment. */
export const mediaUploadHeadersSchema = sendMediaHeadersSchema.pick({
  contentType: true,
  contentLength: true,
  fileName: true,
});
export type MediaUploadHeaders = z.infer<typeof mediaUploadHeadersSchema>;

export function sendMediaHeadersOf(headers: Headers): Record<string, string | undefined> {
  return {
    contentType: headers.get("content-type") ?? undefined,
    contentLength: headers.get("content-length") ?? undefined,
    clientId: headers.get("x-client-id") ?? undefined,
    fileName: headers.get("x-file-name") ?? undefined,
    caption: headers.get("x-caption") ?? undefined,
  };
}
