// The contact panel as the API answers it and the browser shows it. Types only: shared by
// lib/contacts (server) and components (browser).
import type { ContactAttributeValueView } from "./contact-attributes";
import type { ConversationStatus, PhoneNumberView } from "./inbox";
import type { LabelChipView } from "./labels";

export const MAX_CONTACT_NAME_LENGTH = 100;
export const MAX_CONTACT_NOTES_LENGTH = 4_000;

/** One of the customer's conversations (there is at most one per business number). */
export type ContactConversationView = {
  id: string;
  status: ConversationStatus;
  phoneNumber: PhoneNumberView;
  /** ISO time of its newest message; null before any. */
  lastMessageAt: string | null;
  assignee: { id: string; name: string } | null;
  labels: LabelChipView[];
};

/** GET /api/contacts/[id] — who the customer is, for the panel beside the thread. */
export type ContactPanelView = {
  id: string;
  /** The name the team gave the customer (editable); null when none was given. */
  savedName: string | null;
  /** The WhatsApp profile name, as Meta last sent it (the customer's own, never edited here). */
  profileName: string | null;
  waId: string | null;
  /** The business-scoped user id and username, when Meta sent them. */
  userId: string | null;
  username: string | null;
  /** ISO time we first heard of the customer. */
  firstContactAt: string;
  /** Free-form notes of the team about the customer. */
  notes: string;
  /** Every attribute admins defined, by name, with this customer's value (null: none yet). */
  attributes: ContactAttributeValueView[];
  /** Every conversation with the customer, on every business number, newest activity first. */
  conversations: ContactConversationView[];
};

/** PATCH /api/contacts/[id] — "" or null clears the name. */
export type UpdateContactRequest = { savedName?: string | null; notes?: string };
