// What a message says, as the server reads it out of Meta's payload (lib/whatsapp/message-body.ts)
// and the browser renders it (components/inbox/message). Plain JSON, no server imports: the browser
// never reads Meta's shapes itself. Optional strings are non-empty or null; URLs are http(s) or null.

export const MEDIA_TYPES = ["image", "audio", "video", "document", "sticker"] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/**
 * A media message's file in our store. `pending`: downloading (or waiting to retry, `error` says
 * why); `stored`: `url` serves it; `failed`: `error` says why, and an agent may retry.
 */
export type MediaFileView = {
  state: "pending" | "stored" | "failed";
  /** GET /api/media/<message id>, once stored. */
  url: string | null;
  mimeType: string | null;
  size: number | null;
  error: string | null;
  /**
   * When the download's row last changed (ISO, ms): the later view of a file wins, so a refetch
   * read before the download ended cannot put a failed or stored file back to "pending".
   */
  updatedAt: string;
};

/** One of Meta's errors: `title` falls back to Meta's `message`, `details` is `error_data.details`. */
export type MetaErrorView = { code: number | null; title: string | null; details: string | null };

/** A shared contact card. `name` is the formatted name, else its parts, else the company. */
export type SharedContactView = {
  name: string | null;
  company: string | null;
  jobTitle: string | null;
  phones: string[];
  emails: string[];
};

export type OrderItemView = {
  productRetailerId: string | null;
  quantity: number | null;
  price: number | null;
  currency: string | null;
};

/** One answer of a Flow form (response_json), as text. */
export type FormFieldView = { name: string; value: string };

/** The customer's answer to an interactive message. */
export type InteractiveReplyView =
  | { type: "button_reply"; id: string | null; title: string | null }
  | { type: "list_reply"; id: string | null; title: string | null; description: string | null }
  | { type: "nfm_reply"; name: string | null; body: string | null; fields: FormFieldView[] }
  /** A reply kind this version does not render: Meta's declared type and whatever text it had. */
  | { type: "other"; declaredType: string | null; text: string | null };

export type MessageBodyView =
  /** `text` is null for an empty message. */
  | { kind: "text"; text: string | null }
  | {
      kind: "media";
      mediaType: MediaType;
      mediaId: string | null;
      mimeType: string | null;
      sha256: string | null;
      fileSize: number | null;
      caption: string | null;
      filename: string | null;
      /** Audio recorded as a voice note. */
      voice: boolean;
      /** An animated sticker. */
      animated: boolean;
    }
  | {
      kind: "location";
      /** Both within range (±90, ±180) and finite, or both null. */
      latitude: number | null;
      longitude: number | null;
      name: string | null;
      address: string | null;
      url: string | null;
    }
  /** Empty when Meta sent no usable card. */
  | { kind: "contacts"; contacts: SharedContactView[] }
  | { kind: "interactive"; reply: InteractiveReplyView }
  /** A template's quick-reply button. */
  | { kind: "button"; text: string | null; payload: string | null }
  /** A template we sent, as the customer sees it (values filled in). */
  | {
      kind: "template";
      name: string | null;
      language: string | null;
      header: string | null;
      /** A media header's kind (IMAGE, VIDEO, DOCUMENT…). */
      headerMedia: string | null;
      body: string | null;
      footer: string | null;
      buttons: { type: string; text: string; url: string | null }[];
    }
  | { kind: "reaction"; emoji: string | null }
  | { kind: "order"; catalogId: string | null; text: string | null; items: OrderItemView[] }
  | { kind: "system"; text: string | null }
  | { kind: "request_welcome" }
  /** Meta's "unsupported" or "unknown", or a type newer than this code. For Meta's "unsupported",
   * `innerType` names what it was (e.g. "poll_creation"). */
  | { kind: "unsupported"; type: string; innerType: string | null; errors: MetaErrorView[] };

export type MessageBodyKind = MessageBodyView["kind"];

/** A click-to-WhatsApp ad (or post) a conversation started from. */
export type ReferralView = {
  sourceType: "ad" | "post";
  headline: string | null;
  body: string | null;
  /** http(s) only. */
  sourceUrl: string | null;
};

/** One kind of body, e.g. `MessageBodyOf<"media">`. */
export type MessageBodyOf<K extends MessageBodyKind> = Extract<MessageBodyView, { kind: K }>;
