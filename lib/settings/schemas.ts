// Input shapes of the settings use-cases, shared by the API routes and the forms. The messages
// name the usual mistake (Meta's App Secret vs its access token) so the admin can fix it at once.
import { z } from "zod";

const looksLikeAppSecret = (value: string) => /^[0-9a-f]{32}$/i.test(value);
const looksLikeAccessToken = (value: string) => /^EAA[A-Za-z0-9]{20,}$/.test(value);

export const appSecretSchema = z
  .string()
  .trim()
  .superRefine((value, context) => {
    if (looksLikeAccessToken(value)) {
      context.addIssue({
        code: "custom",
        message:
          "This is an access token, not the App Secret. Webhooks are signed with the App Secret: Meta app dashboard → App Settings → Basic.",
      });
    } else if (!looksLikeAppSecret(value)) {
      context.addIssue({
        code: "custom",
        message:
          "The App Secret is 32 hexadecimal characters (Meta app dashboard → App Settings → Basic → App Secret).",
      });
    }
  });

export const verifyTokenSchema = z
  .string()
  .regex(
    /^[\x21-\x7E]{8,200}$/,
    "The verify token must be 8–200 characters of letters, digits and punctuation, without spaces.",
  );

export const webhookKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, "The webhook key must be 16–128 characters of A–Z a–z 0–9 _ -.");

export const accessTokenSchema = z
  .string()
  .trim()
  .superRefine((value, context) => {
    if (looksLikeAppSecret(value)) {
      context.addIssue({
        code: "custom",
        message:
          "This looks like the App Secret. Paste a system user access token (Business Settings → System users → Generate new token).",
      });
    } else if (!/^[A-Za-z0-9._|-]{20,4096}$/.test(value)) {
      context.addIssue({
        code: "custom",
        message: "An access token is 20–4096 characters of letters and digits, without spaces.",
      });
    }
  });

export const graphApiVersionSchema = z
  .string()
  .trim()
  .regex(/^v\d{1,3}\.\d{1,2}$/, "Write the Graph API version as Meta does, e.g. v26.0.");

/** One setting per request: each has its own form, its own audit entry, its own error. */
export const updateWhatsAppSettingBodySchema = z.discriminatedUnion(
  "setting",
  [
    z.object({ setting: z.literal("appSecret"), value: appSecretSchema }),
    z.object({ setting: z.literal("verifyToken"), value: verifyTokenSchema }),
    z.object({ setting: z.literal("webhookKey"), value: webhookKeySchema }),
    // null removes the stored token / returns to the default version.
    z.object({ setting: z.literal("accessToken"), value: accessTokenSchema.nullable() }),
    z.object({ setting: z.literal("graphApiVersion"), value: graphApiVersionSchema.nullable() }),
  ],
  { error: "setting must be one of appSecret, verifyToken, webhookKey, accessToken, graphApiVersion" },
);
export type UpdateWhatsAppSettingBody = z.infer<typeof updateWhatsAppSettingBodySchema>;
export type WhatsAppSettingName = UpdateWhatsAppSettingBody["setting"];

const metaId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{5,25}$/, `The ${what} is the number Meta shows for it (digits only).`);

const emptyToNull = (value: string | null) => (value === null || value === "" ? null : value);

export const updatePhoneNumberBodySchema = z.object({
  name: z.string().trim().max(100, "Keep the name under 100 characters").nullable().transform(emptyToNull),
  wabaId: z.string().trim().nullable().transform(emptyToNull).pipe(metaId("WhatsApp Business Account ID").nullable()),
});
export type UpdatePhoneNumberBody = z.infer<typeof updatePhoneNumberBodySchema>;

export const testConnectionBodySchema = z.object({ phoneNumberId: metaId("phone number ID") });
export type TestConnectionBody = z.infer<typeof testConnectionBodySchema>;
