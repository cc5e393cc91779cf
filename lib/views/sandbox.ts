// The customer simulator's view of a simulated customer's phone (GET /api/sandbox/customers): what
// the business sent and what the customer did, built by the sandbox from the bytes that crossed the
// wire. Pure, shared with the browser.

export type SandboxMessageStatus = "accepted" | "sent" | "delivered" | "read" | "failed";

export type SandboxChatItem = {
  wamid: string;
  from: "business" | "customer";
  /** ISO instant. */
  at: string;
  status: SandboxMessageStatus;
  /** The message's type on the wire (text, template, image, reaction…). */
  type: string;
  /** What the phone shows: the text, a caption, a template's rendered body. */
  text: string;
  /** Templates: the rendered header and footer. */
  header: string | null;
  footer: string | null;
  /** What a message that is not text carries (the phone shows its icon; `text` is its caption or name). */
  attachment: SandboxAttachment | null;
  /** Buttons the customer can tap (template quick replies, interactive reply buttons); others are shown only. */
  buttons: { text: string; payload: string | null; tappable: boolean }[];
  /** The message this one replies to, as the phone quotes it. */
  quote: { wamid: string; text: string } | null;
  /** Reactions on this message, from either side. */
  reactions: { from: "business" | "customer"; emoji: string }[];
  /** The preview card of a text's first link, when the business asked Meta for one. */
  link: { url: string; host: string } | null;
};

export type SandboxAttachment =
  "image" | "video" | "audio" | "voice" | "document" | "sticker" | "location" | "contacts";

export type SandboxCustomerView = {
  address: string;
  name: string;
  waId: string | null;
  userId: string | null;
  /** The business number they talk to, as "+digits". */
  businessNumber: string;
  chat: SandboxChatItem[];
  /** Business messages the customer has not read yet. */
  unread: number;
};

/** What the customer can do (POST /api/sandbox/customers/[address]/messages). */
export type SandboxCustomerAction =
  | { type: "text"; text: string; replyTo?: string }
  | { type: "button"; messageId: string; text: string; payload: string | null }
  | { type: "reaction"; messageId: string; emoji: string }
  | { type: "location"; latitude: number; longitude: number; name?: string | undefined; address?: string | undefined }
  | { type: "contacts"; name: string; phone: string };

/** What a customer's file is sent as: a photo, a document, or a voice note (OGG/Opus). */
export type SandboxMediaKind = "image" | "document" | "voice";

/** A file the customer sends (POST /api/sandbox/customers/[address]/media), its bytes in base64. */
export type SandboxCustomerMedia = {
  type: "media";
  kind: SandboxMediaKind;
  mimeType: string;
  filename: string;
  caption?: string | undefined;
  base64: string;
};

/** The simulator's cap on a customer's file (Meta's own limits are higher for documents and audio). */
export const SANDBOX_MEDIA_MAX_BYTES = 5 * 1024 * 1024;

/** The MIME types each kind accepts: WhatsApp's photos are JPEG or PNG, its voice notes OGG/Opus. */
export const SANDBOX_MEDIA_TYPES: Record<SandboxMediaKind, readonly string[] | "any"> = {
  image: ["image/jpeg", "image/png"],
  voice: ["audio/ogg", "audio/opus"],
  document: "any",
};
