// Input shapes of the settings use-cases, shared by the API routes and the forms. The messages
// name the usual mistake (Meta's App Secret vs its access token) so the admin can fix it at once.
import { z } from "zod";
import type { WhatsAppSettingName } from "@/lib/views/settings";
import { AUDIT_ACTIONS } from "@/lib/views/audit";
import { safeText } from "@/lib/http/text";

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
    // null returns to the default (blue ticks when an agent starts replying).
    z.object({
      setting: z.literal("readReceipts"),
      value: z
        .enum(["on_reply", "on_open", "never"], { error: 'value must be "on_reply", "on_open" or "never"' })
        .nullable(),
    }),
  ],
  { error: "setting must be one of appSecret, verifyToken, webhookKey, accessToken, graphApiVersion, readReceipts" },
);
export type UpdateWhatsAppSettingBody = z.infer<typeof updateWhatsAppSettingBodySchema>;
// The names the views know are exactly the ones this schema accepts (a compile error otherwise).
const sameNames: [WhatsAppSettingName, UpdateWhatsAppSettingBody["setting"]] extends [
  UpdateWhatsAppSettingBody["setting"],
  WhatsAppSettingName,
]
  ? true
  : never = true;
void sameNames;

const metaId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{5,25}$/, `The ${what} is the number Meta shows for it (digits only).`);

/** Also enforced by the database (phone_numbers_name_length). */
export const PHONE_NUMBER_NAME_MAX = 100;

const emptyToNull = (value: string | null) => (value === null || value === "" ? null : value);
const emptyToUndefined = (value: string | undefined) => (value === "" ? undefined : value);

export const updatePhoneNumberBodySchema = z.object({
  name: safeText({ max: 1000, label: "name" })
    .trim()
    .max(PHONE_NUMBER_NAME_MAX, `Keep the name under ${PHONE_NUMBER_NAME_MAX} characters`)
    .nullable()
    .transform(emptyToNull),
  wabaId: z.string().trim().nullable().transform(emptyToNull).pipe(metaId("WhatsApp Business Account ID").nullable()),
});
export type UpdatePhoneNumberBody = z.infer<typeof updatePhoneNumberBodySchema>;

export const testConnectionBodySchema = z.object({ phoneNumberId: metaId("phone number ID") });
export type TestConnectionBody = z.infer<typeof testConnectionBodySchema>;

/** Filters of the audit log (query string): one actor's entries, one kind, or both. */
export const auditLogQuerySchema = z.object({
  actor: z.string().trim().max(100).optional().transform(emptyToUndefined),
  kind: z
    .string()
    .optional()
    .transform(emptyToUndefined)
    .pipe(z.enum(AUDIT_ACTIONS, { error: `kind must be one of ${AUDIT_ACTIONS.join(", ")}` }).optional()),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;
