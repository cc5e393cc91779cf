// Meta's side of the inbox specs: our business numbers, customers writing to them, and the delivery
// statuses of what we sent — as signed webhooks to the inbox server, in the payload shapes Meta
// documents. Every call makes fresh ids (numbers, wamids), so tests never meet each other's data.
import { createHash, randomInt } from "node:crypto";
import type { SampleStatusName } from "../../../lib/whatsapp/sample-payloads";
import {
  buildMessagesWebhook,
  sampleInboundMessage,
  sampleStatus,
  sampleWamid,
} from "../../../lib/whatsapp/sample-payloads";
import { signPayload } from "../../../lib/whatsapp/signature";
import { metaHoldsMedia } from "./graph-control";
import { e2eRun } from "./run";

/** One of our WhatsApp business numbers, as Meta names it in webhooks. */
export type BusinessNumber = { phoneNumberId: string; displayPhoneNumber: string };

/** How the inbox writes our number (like a customer's: "+" and the digits). */
export const businessNumberLabel = (number: BusinessNumber) => `+${number.displayPhoneNumber}`;
/** A WhatsApp user writing to us: their number (wa_id) and profile name. */
export type Customer = { waId: string; name: string };

const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join("");

/** A number of our own that no other test writes to: filter the list by it to see only this test's rows. */
export function newBusinessNumber(): BusinessNumber {
  return { phoneNumberId: `1${digits(14)}`, displayPhoneNumber: `1555${digits(7)}` };
}

/** A customer nobody has heard from yet (a Brazilian mobile number, as wa_id: digits only). */
export function newCustomer(name: string): Customer {
  return { waId: `55119${digits(8)}`, name };
}

// Meta's timestamps are whole seconds. Messages of one test get strictly increasing ones, so their
// order in the thread — and what counts as unread after a read — never hangs on two landing in one
// second. A few seconds ahead of the clock is well inside what the server accepts.
let lastTimestamp = 0;
export function nextTimestamp(): number {
  lastTimestamp = Math.max(Math.floor(Date.now() / 1000), lastTimestamp + 1);
  return lastTimestamp;
}

/** POSTs a webhook body signed with the inbox server's App Secret; Meta retries on anything but 200. */
export async function postWebhook(payload: object): Promise<void> {
  const { baseUrl, webhookKey, appSecret } = e2eRun().inbox;
  const body = JSON.stringify(payload);
  const response = await fetch(`${baseUrl}/api/webhooks/whatsapp/${webhookKey}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signPayload(body, appSecret) },
    body,
  });
  const answer = await response.text();
  if (response.status !== 200) throw new Error(`the webhook was answered ${response.status}: ${answer}`);
}

/** The customer's text message to our number; answers its wamid. */
export async function customerWrites({
  from,
  to,
  text,
}: {
  from: Customer;
  to: BusinessNumber;
  text: string;
}): Promise<{ wamid: string; timestamp: number }> {
  const timestamp = nextTimestamp();
  const message = sampleInboundMessage("text", { from: from.waId, text, timestamp });
  await postWebhook(
    buildMessagesWebhook({
      phoneNumberId: to.phoneNumberId,
      displayPhoneNumber: to.displayPhoneNumber,
      contacts: [{ waId: from.waId, name: from.name }],
      messages: [message],
    }),
  );
  return { wamid: message.id as string, timestamp };
}

export type StatusUpdate = { wamid: string; status: SampleStatusName; timestamp: number; errorCode?: number };

/** Status webhooks for messages we sent to `recipient`, delivered one webhook each, in the order given. */
export async function metaReportsStatuses({
  number,
  recipient,
  statuses,
}: {
  number: BusinessNumber;
  recipient: Customer;
  statuses: StatusUpdate[];
}): Promise<void> {
  for (const status of statuses) {
    await postWebhook(
      buildMessagesWebhook({
        phoneNumberId: number.phoneNumberId,
        displayPhoneNumber: number.displayPhoneNumber,
        // Status webhooks carry no contacts.
        contacts: [],
        statuses: [sampleStatus({ ...status, recipientId: recipient.waId })],
      }),
    );
  }
}

/** A wamid as Meta issues them for a message to this customer. */
export const newWamid = (customer: Customer) => sampleWamid(customer.waId);

/** The customer's photo, voice note, video, document or sticker: Meta holds the file first (the fake), then the webhook names it. */
export async function customerSendsMedia({
  from,
  to,
  type,
  mimeType,
  bytes,
  filename,
  caption,
  metaHoldsIt = true,
}: {
  from: Customer;
  to: BusinessNumber;
  type: "image" | "audio" | "video" | "document" | "sticker";
  mimeType: string;
  bytes: Buffer;
  filename?: string;
  caption?: string;
  /** false: Meta does not know the media id (the download fails). */
  metaHoldsIt?: boolean;
}): Promise<{ wamid: string; mediaId: string }> {
  const mediaId = `1${digits(15)}`;
  if (metaHoldsIt) await metaHoldsMedia({ id: mediaId, mimeType, bytes });
  const timestamp = nextTimestamp();
  const wamid = sampleWamid(from.waId);
  await postWebhook(
    buildMessagesWebhook({
      phoneNumberId: to.phoneNumberId,
      displayPhoneNumber: to.displayPhoneNumber,
      contacts: [{ waId: from.waId, name: from.name }],
      messages: [
        {
          from: from.waId,
          id: wamid,
          timestamp: String(timestamp),
          type,
          [type]: {
            id: mediaId,
            mime_type: mimeType,
            sha256: createHash("sha256").update(bytes).digest("base64"),
            ...(filename ? { filename } : {}),
            ...(caption ? { caption } : {}),
          },
        },
      ],
    }),
  );
  return { wamid, mediaId };
}
