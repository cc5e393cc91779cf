import { z } from "zod";
import {
  SANDBOX_MEDIA_MAX_BYTES,
  SANDBOX_MEDIA_TYPES,
  type SandboxCustomerAction,
  type SandboxCustomerMedia,
} from "@/lib/views/sandbox";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);

// What a simulated customer can do, checked by the app's route and again by the stand-in.
export const customerActionSchema: z.ZodType<SandboxCustomerAction> = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("text"),
    text: z.string().trim().min(1).max(4_096),
    replyTo: z.string().min(1).optional(),
  }),
  z.object({
    type: z.literal("button"),
    messageId: z.string().min(1),
    text: z.string().min(1).max(256),
    payload: z.string().max(1_000).nullable(),
  }),
  z.object({ type: z.literal("reaction"), messageId: z.string().min(1), emoji: z.string().max(16) }),
  z.object({
    type: z.literal("location"),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: optionalText(200),
    address: optionalText(500),
  }),
  z.object({
    type: z.literal("contacts"),
    name: z.string().trim().min(1).max(200),
    // What people type: digits with an optional +, spaces, dashes, dots and parentheses.
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s().-]{6,30}$/, "Enter a phone number: digits, optionally with + and spaces")
      .refine((phone) => phone.replace(/\D/g, "").length >= 6, "Enter at least 6 digits"),
  }),
]);

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** The bytes a base64 string of this length decodes to. */
export function base64Size(base64: string): number {
  return Math.floor((base64.length * 3) / 4) - (base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0);
}

/** The largest JSON body a customer's file arrives in: base64 grows it by a third, plus the fields. */
export const SANDBOX_MEDIA_MAX_BODY_BYTES = Math.ceil((SANDBOX_MEDIA_MAX_BYTES * 4) / 3) + 8 * 1024;

// A customer's photo, document or voice note: Meta's types for each kind, the simulator's size cap.
export const customerMediaSchema: z.ZodType<SandboxCustomerMedia> = z
  .object({
    type: z.literal("media"),
    kind: z.enum(["image", "document", "voice"]),
    mimeType: z
      .string()
      .transform((value) => value.split(";")[0]!.trim().toLowerCase())
      .pipe(z.string().regex(MIME_TYPE, "Not a MIME type")),
    filename: z.string().trim().min(1).max(240),
    caption: optionalText(1_024),
    base64: z.string().min(1, "The file is empty").regex(BASE64, "Not base64"),
  })
  .superRefine((media, context) => {
    const accepted = SANDBOX_MEDIA_TYPES[media.kind];
    if (accepted !== "any" && !accepted.includes(media.mimeType)) {
      const what = media.kind === "image" ? "A photo is a JPEG or PNG image" : "A voice note is an OGG (Opus) file";
      context.addIssue({ code: "custom", path: ["mimeType"], message: `${what}, not ${media.mimeType}.` });
    }
    if (base64Size(media.base64) > SANDBOX_MEDIA_MAX_BYTES) {
      context.addIssue({ code: "custom", path: ["base64"], message: "The simulator sends files of up to 5 MB." });
    }
    if (media.kind === "voice" && media.caption) {
      context.addIssue({ code: "custom", path: ["caption"], message: "A voice note has no caption." });
    }
  });

/** What the stand-in's control API takes from the simulator: an action, or a file. */
export const standInActionSchema = z.union([customerActionSchema, customerMediaSchema]);

export const sandboxCustomerParamsSchema = z.object({ address: z.string().min(3).max(200) });
