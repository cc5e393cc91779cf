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
  /** Buttons the customer can tap (template quick replies, interactive reply buttons); others are shown only. */
  buttons: { text: string; payload: string | null; tappable: boolean }[];
  /** The message this one replies to, as the phone quotes it. */
  quote: { wamid: string; text: string } | null;
  /** Reactions on this message, from either side. */
  reactions: { from: "business" | "customer"; emoji: string }[];
};

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
  | { type: "reaction"; messageId: string; emoji: string };
