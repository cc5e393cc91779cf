import "server-only";
import { getDb } from "@/lib/db/client";
import { updateContactDetails } from "@/lib/db/contact-panel";
import { AppError } from "@/lib/http/app-error";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import type { ContactPanelView } from "@/lib/views/contacts";
import { getContactPanel } from "./get-contact-panel";
import type { UpdateContactBody } from "./schemas";

/**
 * The team names the customer and/or keeps notes about them. The WhatsApp profile name is left as
 * Meta sent it. Every open inbox redraws the customer's rows and panel (contact-updated).
 */
export async function updateContact({ id, body }: { id: string; body: UpdateContactBody }): Promise<ContactPanelView> {
  const conversationIds = await updateContactDetails({ db: getDb(), id, savedName: body.savedName, notes: body.notes });
  if (conversationIds === null) {
    throw new AppError("not_found", { message: `Contact ${id} not found`, userMessage: "Contact not found." });
  }
  await publishInboxChanges({ ...emptyInboxChanges(), contactsUpdated: [id], conversationsUpdated: conversationIds });
  return getContactPanel({ id });
}
