import "server-only";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { getDb } from "@/lib/db/client";
import { contactKey, ensureContacts } from "@/lib/db/contacts";
import { conversationKey, ensureConversations } from "@/lib/db/conversations";
import { getPhoneNumber } from "@/lib/db/phone-numbers";
import { AppError } from "@/lib/http/app-error";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import type { ThreadMessage } from "@/lib/views/inbox";
import type { StartConversationBody } from "./schemas";
import { sendMessage } from "./send-message";
import { assertAccessTokenConfigured } from "./send-rules";
import { locateHeaderFile, prepareTemplateMessage } from "./template-message";

/**
 * An agent writes first: the customer's number (normalised to E.164, so "+44 7700 900123" and
 * "0044 7700900123" are one contact), one of our numbers and an approved template. The contact and
 * conversation are found or created, then the template goes through the usual pipeline (recorded,
 * queued, sent by the worker). Everything is checked before anything is created.
 */
export async function startConversation({
  author,
  body,
}: {
  author: { id: string };
  body: StartConversationBody;
}): Promise<{ conversationId: string; message: ThreadMessage; created: boolean }> {
  const waId = normalisedWaId(body.to);
  await assertAccessTokenConfigured();
  const db = getDb();
  if (!(await getPhoneNumber({ db, id: body.phoneNumberId }))) {
    throw new AppError("validation_failed", {
      message: `phone number ${body.phoneNumberId} not found`,
      userMessage: "phoneNumberId: that business number does not exist.",
    });
  }
  await prepareTemplateMessage({
    db,
    templateId: body.templateId,
    values: body.values,
    headerMedia: await locateHeaderFile(body.headerMedia ?? null),
    phoneNumberRowId: body.phoneNumberId,
  });
  const changes = emptyInboxChanges();
  const conversationId = await db.$transaction(async (tx) => {
    const identity = { waId, userId: null, profileName: null, username: null };
    const contactId = (await ensureContacts({ db: tx, identities: [identity] })).get(contactKey(identity))!;
    const conversations = await ensureConversations({
      db: tx,
      pairs: [{ contactId, phoneNumberId: body.phoneNumberId }],
    });
    const conversation = conversations.get(conversationKey(contactId, body.phoneNumberId))!;
    if (conversation.created) changes.conversationsCreated.push(conversation.id);
    return conversation.id;
  });
  await publishInboxChanges(changes);
  const { message, created } = await sendMessage({
    conversationId,
    author,
    body: {
      clientId: body.clientId,
      type: "template",
      templateId: body.templateId,
      values: body.values,
      headerMedia: body.headerMedia ?? null,
    },
  });
  return { conversationId, message, created };
}

/** The customer's WhatsApp id: their number in E.164 without the "+", or a 422 saying what is wrong. */
export function normalisedWaId(input: string): string {
  const cleaned = input.trim().replace(/^00/, "+");
  const phone = parsePhoneNumberFromString(cleaned.startsWith("+") ? cleaned : `+${cleaned}`);
  if (!phone || !phone.isValid()) {
    throw new AppError("validation_failed", {
      message: `not a valid international phone number: ${input.slice(0, 40)}`,
      userMessage:
        "to: not a valid phone number. Enter it in international format with the country code, e.g. +44 7700 900123.",
    });
  }
  return phone.number.slice(1);
}
