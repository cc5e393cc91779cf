import { z } from "zod";
import {
  MEDIA_TYPES,
  type MediaType,
  type MessageBodyView,
  type MetaErrorView,
  type ReferralView,
  type SharedContactView,
} from "@/lib/views/message-body";
import { safeHttpUrl } from "@/lib/views/safe-url";
import { isRecord } from "./json";
import { interactiveReplyText, readInteractiveReply } from "./interactive-reply";
import { present, readLeniently } from "./read-leniently";
import {
  buttonContentSchema,
  contactsContentSchema,
  locationContentSchema,
  mediaContentSchema,
  metaErrorSchema,
  orderContentSchema,
  reactionContentSchema,
  referralSchema,
  systemContentSchema,
  textContentSchema,
  unsupportedMessageSchema,
} from "./webhook-schema";

// The one reader of what a message says, from what is stored: message[type] as Meta sent it (or
// our own send's body, whose text and media keys are the same), the whole message for unsupported
// and unknown types, and the text extracted at ingestion. The parser takes its text from here too.
// Whatever the stored JSON holds, the answer is a view: a field of the wrong shape reads as absent
// and falls back to the stored text, and a type nobody knows is "unsupported". It never throws.

export type StoredMessage = { type: string; content: unknown; text: string | null; errors: unknown };

export function buildMessageBody({ type, content, text, errors }: StoredMessage): MessageBodyView {
  const stored = present(text);
  if (isMediaType(type)) return mediaBody(type, content, stored);
  switch (type) {
    case "text":
      return { kind: "text", text: present(readLeniently(textContentSchema, content)?.body) ?? stored };
    case "location":
      return locationBody(content, stored);
    case "contacts":
      return { kind: "contacts", contacts: sharedContacts(content, stored) };
    case "interactive":
      return { kind: "interactive", reply: readInteractiveReply(content, stored) };
    case "button": {
      const button = readLeniently(buttonContentSchema, content);
      const [buttonText, payload] = [present(button?.text), present(button?.payload)];
      return { kind: "button", text: buttonText ?? (payload === null ? stored : null), payload };
    }
    case "template":
      return templateBody(content, stored);
    case "reaction":
      return { kind: "reaction", emoji: present(readLeniently(reactionContentSchema, content)?.emoji) ?? stored };
    case "order":
      return orderBody(content);
    case "system":
      return { kind: "system", text: present(readLeniently(systemContentSchema, content)?.body) ?? stored };
    case "request_welcome":
      return { kind: "request_welcome" };
    default:
      return {
        kind: "unsupported",
        type,
        innerType: present(readLeniently(unsupportedMessageSchema, content)?.unsupported?.type),
        errors: firstMetaErrors(errors, isRecord(content) ? content.errors : undefined),
      };
  }
}

/** What search and previews use: body, caption (or a document's name), chosen title, location name… */
export function messageBodyText(body: MessageBodyView): string | null {
  switch (body.kind) {
    case "text":
    case "system":
      return body.text;
    case "media":
      return body.caption ?? body.filename;
    case "location":
      return body.name ?? body.address;
    case "contacts": {
      const names = body.contacts.map((contact) => contact.name).filter((name) => name !== null);
      return names.length > 0 ? names.join(", ") : null;
    }
    case "interactive":
      return interactiveReplyText(body.reply);
    case "button":
      return body.text ?? body.payload;
    case "template":
      return [body.header, body.body].filter(Boolean).join("\n") || body.name;
    case "reaction":
      return body.emoji;
    case "order":
      return body.text;
    case "request_welcome":
    case "unsupported":
      return null;
  }
}

const sentTemplateSchema = z.looseObject({
  name: z.string().optional(),
  language: z.looseObject({ code: z.string().optional() }).optional(),
  rendered: z
    .looseObject({
      header: z.string().nullable().optional(),
      headerMedia: z.string().nullable().optional(),
      body: z.string().nullable().optional(),
      footer: z.string().nullable().optional(),
      buttons: z
        .array(z.looseObject({ type: z.string().optional(), text: z.string().optional(), url: z.string().optional() }))
        .optional(),
    })
    .optional(),
});

/** Our template send: Meta's template object and what the customer saw (stored when it was sent). */
function templateBody(content: unknown, stored: string | null): MessageBodyView {
  const template = readLeniently(sentTemplateSchema, content);
  const rendered = template?.rendered;
  return {
    kind: "template",
    name: present(template?.name),
    language: present(template?.language?.code),
    header: present(rendered?.header ?? undefined),
    headerMedia: present(rendered?.headerMedia ?? undefined),
    body: present(rendered?.body ?? undefined) ?? stored,
    footer: present(rendered?.footer ?? undefined),
    buttons: (rendered?.buttons ?? []).flatMap((button) =>
      button.text ? [{ type: button.type ?? "OTHER", text: button.text, url: safeHttpUrl(button.url) }] : [],
    ),
  };
}

/** The ad or post a message came from; null when Meta sent none. Only an http(s) source becomes a link. */
export function buildReferralView(referral: unknown): ReferralView | null {
  const read = readLeniently(referralSchema, referral);
  if (read === undefined) return null;
  return {
    sourceType: read.source_type === "post" ? "post" : "ad",
    headline: present(read.headline),
    body: present(read.body),
    sourceUrl: safeHttpUrl(read.source_url),
  };
}

function finite(value: number | undefined, { min = -Infinity } = {}): number | null {
  return value !== undefined && Number.isFinite(value) && value >= min ? value : null;
}

function isMediaType(type: string): type is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(type);
}

function mediaBody(mediaType: MediaType, content: unknown, stored: string | null): MessageBodyView {
  const media = readLeniently(mediaContentSchema, content);
  return {
    kind: "media",
    mediaType,
    mediaId: present(media?.id),
    mimeType: present(media?.mime_type),
    sha256: present(media?.sha256),
    fileSize: finite(media?.file_size, { min: 0 }),
    // The stored text is the caption, or a document's name when it has none: only a caption that
    // could not be read from an unusable payload falls back to it.
    caption: media === undefined ? stored : present(media.caption),
    filename: mediaType === "document" ? present(media?.filename) : null,
    voice: mediaType === "audio" && media?.voice === true,
    animated: mediaType === "sticker" && media?.animated === true,
  };
}

function locationBody(content: unknown, stored: string | null): MessageBodyView {
  const location = readLeniently(locationContentSchema, content);
  const latitude = coordinate(location?.latitude, 90);
  const longitude = coordinate(location?.longitude, 180);
  const point = latitude !== null && longitude !== null;
  const name = present(location?.name);
  const address = present(location?.address);
  return {
    kind: "location",
    latitude: point ? latitude : null,
    longitude: point ? longitude : null,
    name: name ?? (address === null ? stored : null),
    address,
    url: safeHttpUrl(location?.url),
  };
}

function coordinate(value: number | undefined, limit: number): number | null {
  const number = finite(value);
  return number !== null && Math.abs(number) <= limit ? number : null;
}

function sharedContacts(content: unknown, stored: string | null): SharedContactView[] {
  const cards = readLeniently(contactsContentSchema, isRecord(content) ? [content] : content) ?? [];
  if (cards.length === 0) {
    return stored === null ? [] : [{ name: stored, company: null, jobTitle: null, phones: [], emails: [] }];
  }
  return cards.map((card) => {
    const parts = [card.name?.first_name, card.name?.middle_name, card.name?.last_name].map(present);
    const company = present(card.org?.company);
    return {
      name: present(card.name?.formatted_name) ?? (parts.filter(Boolean).join(" ") || null) ?? company,
      company,
      jobTitle: present(card.org?.title),
      phones: (card.phones ?? []).map((phone) => present(phone.phone)).filter((phone) => phone !== null),
      emails: (card.emails ?? []).map((email) => present(email.email)).filter((email) => email !== null),
    };
  });
}

function orderBody(content: unknown): MessageBodyView {
  const order = readLeniently(orderContentSchema, content);
  return {
    kind: "order",
    catalogId: present(order?.catalog_id),
    text: present(order?.text),
    items: (order?.product_items ?? []).map((item) => ({
      productRetailerId: present(item.product_retailer_id),
      quantity: finite(item.quantity),
      price: finite(item.item_price),
      currency: present(item.currency),
    })),
  };
}

const metaErrorsSchema = z.array(metaErrorSchema);

/** Meta's errors from the first source that has any (an array, or one error object). */
function firstMetaErrors(...sources: unknown[]): MetaErrorView[] {
  for (const source of sources) {
    const errors = readLeniently(metaErrorsSchema, isRecord(source) ? [source] : source) ?? [];
    const views = errors
      .map((error) => ({
        code: error.code ?? null,
        title: present(error.title) ?? present(error.message),
        details: present(error.error_data?.details),
      }))
      .filter((view) => view.code !== null || view.title !== null || view.details !== null);
    if (views.length > 0) return views;
  }
  return [];
}
