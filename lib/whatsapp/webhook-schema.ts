import { z } from "zod";

// Shapes of Meta's WhatsApp Business webhooks (webhooks/reference/messages and …/status).
// Every object is loose: Meta adds fields without notice and whatever we do not know yet must
// survive into storage. Only what we cannot work without is required. The envelope is validated
// level by level (entry, change, value, item) so that one bad item costs that item, not the batch.

/** Meta sends ids as strings; digits sent as a number are still the id. */
const idSchema = z.union([z.string().min(1), z.number().transform(String)], {
  error: "expected a non-empty string id",
});
const timestampSchema = z.union([z.string(), z.number()], {
  error: "expected unix seconds as a string",
});
/** Meta documents some amounts as numbers and shows them quoted in examples: both are the number. */
const numberLikeSchema = z.union(
  [
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ],
  {
    error: "expected a number",
  },
);

export const webhookEnvelopeSchema = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(z.unknown()),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

export const webhookEntrySchema = z.looseObject({
  id: idSchema.optional(), // the WABA id
  time: z.number().optional(),
  changes: z.array(z.unknown()),
});
export type WebhookEntry = z.infer<typeof webhookEntrySchema>;

export const webhookChangeSchema = z.looseObject({
  field: z.string().min(1),
  value: z.unknown(),
});
export type WebhookChange = z.infer<typeof webhookChangeSchema>;

export const metaErrorSchema = z.looseObject({
  code: z.number().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});
export type MetaError = z.infer<typeof metaErrorSchema>;

export const messagesMetadataSchema = z.looseObject({
  display_phone_number: z.string().optional(),
  phone_number_id: idSchema,
});
export type MessagesMetadata = z.infer<typeof messagesMetadataSchema>;

/** The `value` of a change whose field is "messages". Items are checked one by one later. */
export const messagesValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: messagesMetadataSchema,
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});
export type MessagesValue = z.infer<typeof messagesValueSchema>;

export const webhookContactSchema = z.looseObject({
  profile: z
    .looseObject({
      name: z.string().optional(),
      username: z.string().optional(),
    })
    .optional(),
  wa_id: idSchema.optional(), // absent for users who hide their number behind a username
  user_id: z.string().optional(), // business-scoped user id (BSUID)
  parent_user_id: z.string().optional(),
  identity_key_hash: z.string().optional(),
});
export type WebhookContact = z.infer<typeof webhookContactSchema>;

export const messageContextSchema = z.looseObject({
  from: z.string().optional(),
  id: z.string().optional(), // the wamid being replied to
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
  referred_product: z.unknown().optional(),
});
export type MessageContext = z.infer<typeof messageContextSchema>;

/** A click-to-WhatsApp ad or post the customer came from (message.referral). */
export const referralSchema = z.looseObject({
  source_url: z.string().optional(),
  source_id: z.string().optional(),
  source_type: z.string().optional(), // ad | post
  headline: z.string().optional(),
  body: z.string().optional(),
  media_type: z.string().optional(),
  image_url: z.string().optional(),
  video_url: z.string().optional(),
  thumbnail_url: z.string().optional(),
  ctwa_clid: z.string().optional(),
});

export const inboundMessageSchema = z.looseObject({
  id: z.string().min(1),
  from: idSchema.optional(),
  from_user_id: z.string().optional(),
  timestamp: timestampSchema.optional(),
  type: z.string().min(1),
  context: messageContextSchema.optional(),
  referral: referralSchema.optional(),
  errors: z.array(metaErrorSchema).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const textContentSchema = z.looseObject({ body: z.string() });
export const mediaContentSchema = z.looseObject({
  id: z.string().optional(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
  url: z.string().optional(),
  file_size: z.number().optional(),
});
export const locationContentSchema = z.looseObject({
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  name: z.string().optional(),
  address: z.string().optional(),
  url: z.string().optional(),
});
export const sharedContactSchema = z.looseObject({
  name: z
    .looseObject({
      formatted_name: z.string().optional(),
      first_name: z.string().optional(),
      middle_name: z.string().optional(),
      last_name: z.string().optional(),
    })
    .optional(),
  org: z
    .looseObject({
      company: z.string().optional(),
      department: z.string().optional(),
      title: z.string().optional(),
    })
    .optional(),
  phones: z
    .array(
      z.looseObject({
        phone: z.string().optional(),
        wa_id: z.string().optional(),
        type: z.string().optional(),
      }),
    )
    .optional(),
  emails: z.array(z.looseObject({ email: z.string().optional(), type: z.string().optional() })).optional(),
});
export const contactsContentSchema = z.array(sharedContactSchema);
const replySchema = z.looseObject({
  id: z.string().optional(),
  title: z.string().optional(),
});
export const interactiveContentSchema = z.looseObject({
  type: z.string(),
  button_reply: replySchema.optional(),
  list_reply: replySchema.extend({ description: z.string().optional() }).optional(),
  nfm_reply: z
    .looseObject({
      response_json: z.string().optional(),
      body: z.string().optional(),
      name: z.string().optional(),
    })
    .optional(),
});
export const buttonContentSchema = z.looseObject({
  payload: z.string().optional(),
  text: z.string().optional(),
});
export const reactionContentSchema = z.looseObject({
  message_id: z.string().min(1),
  emoji: z.string().optional(),
});
export const orderItemSchema = z.looseObject({
  product_retailer_id: z.string().optional(),
  quantity: numberLikeSchema.optional(),
  item_price: numberLikeSchema.optional(),
  currency: z.string().optional(),
});
export const orderContentSchema = z.looseObject({
  catalog_id: z.string().optional(),
  text: z.string().optional(),
  product_items: z.array(orderItemSchema).optional(),
});
export const systemContentSchema = z.looseObject({
  body: z.string().optional(),
  type: z.string().optional(), // user_changed_number, user_changed_user_id, …
  wa_id: z.string().optional(),
});

/** Messages of type "unsupported" are stored whole: Meta names the real kind and says why. */
export const unsupportedMessageSchema = z.looseObject({
  unsupported: z.looseObject({ type: z.string().optional() }).optional(), // poll_creation, …
  errors: z.array(metaErrorSchema).optional(),
});

/** The object each known type carries under its own name (message[type]). */
export const messageContentSchemas: Record<string, z.ZodType> = {
  text: textContentSchema,
  image: mediaContentSchema,
  audio: mediaContentSchema,
  video: mediaContentSchema,
  document: mediaContentSchema,
  sticker: mediaContentSchema,
  location: locationContentSchema,
  contacts: contactsContentSchema,
  interactive: interactiveContentSchema,
  button: buttonContentSchema,
  reaction: reactionContentSchema,
  order: orderContentSchema,
  system: systemContentSchema,
};

export const messageStatusSchema = z.looseObject({
  id: z.string().min(1), // the wamid we (or another tool on the number) sent
  status: z.string().min(1), // sent | delivered | read | played | failed | whatever comes next
  timestamp: timestampSchema.optional(),
  recipient_id: idSchema.optional(),
  recipient_user_id: z.string().optional(),
  conversation: z
    .looseObject({
      id: z.string().optional(),
      expiration_timestamp: timestampSchema.optional(),
      origin: z.looseObject({ type: z.string().optional() }).optional(),
    })
    .optional(),
  pricing: z
    .looseObject({
      billable: z.boolean().optional(),
      pricing_model: z.string().optional(),
      category: z.string().optional(),
      type: z.string().optional(),
    })
    .optional(),
  errors: z.array(metaErrorSchema).optional(),
  biz_opaque_callback_data: z.string().optional(),
});
export type MessageStatus = z.infer<typeof messageStatusSchema>;
