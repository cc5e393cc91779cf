import "server-only";
import { getDb } from "@/lib/db/client";
import { findContactAttributeValues } from "@/lib/db/contact-attributes";
import { findContactConversations, getContactPanelRow } from "@/lib/db/contact-panel";
import { AppError } from "@/lib/http/app-error";
import type { ContactPanelView } from "@/lib/views/contacts";
import { isLabelColor } from "@/lib/views/labels";

/** Who the customer is and every conversation with them, on every business number. */
export async function getContactPanel({ id }: { id: string }): Promise<ContactPanelView> {
  const db = getDb();
  const [contact, conversations, attributes] = await Promise.all([
    getContactPanelRow({ db, id }),
    findContactConversations({ db, contactId: id }),
    findContactAttributeValues({ db, contactId: id }),
  ]);
  if (!contact) {
    throw new AppError("not_found", { message: `Contact ${id} not found`, userMessage: "Contact not found." });
  }
  return {
    id: contact.id,
    savedName: contact.saved_name,
    profileName: contact.profile_name,
    waId: contact.wa_id,
    userId: contact.user_id,
    username: contact.username,
    firstContactAt: contact.created_at.toISOString(),
    notes: contact.notes ?? "",
    attributes,
    conversations: conversations.map((row) => ({
      id: row.id,
      status: row.status,
      phoneNumber: { id: row.phone_id, displayPhoneNumber: row.phone_display, name: row.phone_name },
      lastMessageAt: row.last_message_at?.toISOString() ?? null,
      assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? "" },
      labels: row.labels.map((label) => ({ ...label, color: isLabelColor(label.color) ? label.color : "gray" })),
    })),
  };
}
