// The sandbox's simulated customers and what Meta does around them: every message the business
// sends them is followed by signed status webhooks (sent, then delivered; read once the customer
// opens the chat), and what they write reaches the app as Meta's own webhooks — built by the same
// sample builders `npm run simulate` uses, serialised as Meta escapes them and signed with the
// secret webhookTarget names (in sandbox mode the sandbox's own, never the app's App Secret).
import { stringifyLikeMeta } from "@/lib/whatsapp/meta-json";
import { buildMessagesWebhook, type SampleStatusName, sampleStatus, sampleWamid } from "@/lib/whatsapp/sample-payloads";
import { signPayload } from "@/lib/whatsapp/signature";
import type { GraphSandbox } from "./graph-api";
import { planStatuses } from "./status-plan";

export type SimulatedCustomer = {
  /** How the business addresses them: the wa_id, or the business-scoped user id for a customer known only by it. */
  address: string;
  waId: string | null;
  userId: string | null;
  name: string;
  /** The business number they talk to. */
  phoneNumberId: string;
  displayPhoneNumber: string;
  /** Both sides of the chat, oldest first. */
  chat: ChatEntry[];
  /** When they last wrote (epoch ms), as far as the stand-in has seen since it started: null when it has not. */
  lastInboundAt: number | null;
};

export type ChatEntryStatus = "accepted" | "sent" | "delivered" | "read" | "failed";

export type ChatEntry = {
  wamid: string;
  from: "business" | "customer";
  /** Epoch milliseconds. */
  at: number;
  /** As it crossed the wire: the business's send body, or the customer's inbound message object. */
  body: Record<string, unknown>;
  /** The business's messages: what Meta last reported. The customer's: "read" once the business marked it read. */
  status: ChatEntryStatus;
  /** The Graph API error code a failed message was reported with. */
  errorCode?: number;
};

/** Where Meta posts webhooks: the app's callback URL and the App Secret that signs them (null: nowhere yet). */
export type WebhookTarget = { url: string; appSecret: string };

export type CustomerSpec = {
  waId?: string | null;
  userId?: string | null;
  name: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
};

export function addCustomer(sandbox: GraphSandbox, spec: CustomerSpec): SimulatedCustomer {
  const address = spec.waId ?? spec.userId;
  if (!address) throw new Error("a simulated customer needs a wa_id or a business-scoped user id");
  const existing = sandbox.customers.get(address);
  if (existing) return existing;
  const customer: SimulatedCustomer = {
    address,
    waId: spec.waId ?? null,
    userId: spec.userId ?? null,
    name: spec.name,
    phoneNumberId: spec.phoneNumberId,
    displayPhoneNumber: spec.displayPhoneNumber,
    chat: [],
    lastInboundAt: null,
  };
  sandbox.customers.set(address, customer);
  return customer;
}

/** Meta after accepting a send: the message reaches the customer's phone, and statuses follow. */
export function deliverToCustomer(
  sandbox: GraphSandbox,
  {
    phoneNumberId,
    send,
    wamid,
    failWith,
  }: { phoneNumberId: string; send: Record<string, unknown>; wamid: string; failWith?: number },
): void {
  const address = typeof send.to === "string" ? send.to : typeof send.recipient === "string" ? send.recipient : null;
  if (address === null) return;
  let customer = sandbox.customers.get(address);
  if (!customer && sandbox.simulateEveryRecipient) {
    const number = sandbox.phoneNumbers.get(phoneNumberId);
    customer = addCustomer(sandbox, {
      ...(typeof send.to === "string" ? { waId: address } : { userId: address }),
      name: `Customer ${address.slice(-4)}`,
      phoneNumberId,
      displayPhoneNumber: number?.display_phone_number.replace(/\D/g, "") ?? phoneNumberId,
    });
  }
  if (!customer) return; // not one of the sandbox's customers: Meta's answer only (the tests' statuses)
  const entry: ChatEntry = { wamid, from: "business", at: Date.now(), body: send, status: "accepted" };
  if (failWith === undefined) customer.chat.push(entry);
  const plan = planStatuses<"sent" | "delivered" | "failed">(
    sandbox,
    failWith === undefined ? ["sent", "delivered"] : ["failed"],
  );
  void (async () => {
    for (const { status, at, quirk } of plan) {
      // Never before it happened; a late one (out of order, twice) comes a delay after the one before.
      await wait(Math.max(sandbox.statusDelayMs, at - Date.now()));
      // Read already (the customer was quicker): Meta sends no delivered then — unless it misbehaves.
      if (status !== "failed" && !quirk && statusRank(entry.status) >= statusRank(status)) continue;
      if (status !== "failed" && statusRank(status) > statusRank(entry.status)) entry.status = status;
      await reportStatuses(sandbox, customer, [{ wamid, status, at, errorCode: failWith }]);
    }
  })();
}

/** The customer opens the chat: everything the business sent and they have not read becomes read. */
export async function customerReads(sandbox: GraphSandbox, customer: SimulatedCustomer): Promise<number> {
  const unread = customer.chat.filter(
    (entry) => entry.from === "business" && entry.status !== "read" && entry.status !== "failed",
  );
  for (const entry of unread) entry.status = "read";
  if (unread.length > 0) {
    const at = Date.now();
    const reads = unread.map((entry) => ({ wamid: entry.wamid, status: "read" as const, at }));
    await reportStatuses(sandbox, customer, reads);
    if (planStatuses(sandbox, ["read"]).length > 1) {
      void wait(sandbox.statusDelayMs).then(() => reportStatuses(sandbox, customer, reads));
    }
  }
  return unread.length;
}

/** The customer sends a message (`message` is `{type, [type]: …, context?}` as in Meta's webhooks). */
export async function customerSends(
  sandbox: GraphSandbox,
  customer: SimulatedCustomer,
  message: Record<string, unknown>,
  /** When they sent it (epoch ms): the demo's history is backdated. */
  at: number = Date.now(),
): Promise<{ entry: ChatEntry; delivered: boolean }> {
  const wamid = sampleWamid(customer.waId ?? customer.phoneNumberId);
  const inbound: Record<string, unknown> = {
    ...(customer.waId ? { from: customer.waId } : { from_user_id: customer.userId }),
    id: wamid,
    timestamp: String(Math.floor(at / 1000)),
    ...message,
  };
  // Meta names our number in a reply's context.
  const context = message.context as { id?: string } | undefined;
  if (context) inbound.context = { from: customer.displayPhoneNumber, id: context.id };
  const entry: ChatEntry = { wamid, from: "customer", at, body: inbound, status: "sent" };
  customer.chat.push(entry);
  customer.lastInboundAt = Math.max(customer.lastInboundAt ?? at, at);
  const payload = buildMessagesWebhook({
    phoneNumberId: customer.phoneNumberId,
    displayPhoneNumber: customer.displayPhoneNumber,
    contacts: [
      { waId: customer.waId ?? "", name: customer.name, ...(customer.userId ? { userId: customer.userId } : {}) },
    ],
    messages: [inbound],
  });
  if (!customer.waId) dropWaId(payload);
  return { entry, delivered: await postWebhook(sandbox, payload) };
}

/** The business marked the customer's messages read (the app's mark-read call): up to and including this one. */
export function businessRead(sandbox: GraphSandbox, messageId: string): void {
  for (const customer of sandbox.customers.values()) {
    const index = customer.chat.findIndex((entry) => entry.wamid === messageId);
    if (index < 0) continue;
    for (const entry of customer.chat.slice(0, index + 1)) if (entry.from === "customer") entry.status = "read";
  }
}

async function reportStatuses(
  sandbox: GraphSandbox,
  customer: SimulatedCustomer,
  statuses: { wamid: string; status: SampleStatusName; at: number; errorCode?: number | undefined }[],
): Promise<void> {
  const payload = buildMessagesWebhook({
    phoneNumberId: customer.phoneNumberId,
    displayPhoneNumber: customer.displayPhoneNumber,
    contacts: [],
    statuses: statuses.map(({ wamid, status, at, errorCode }) => {
      const entry = sampleStatus({
        wamid,
        status,
        timestamp: Math.floor(at / 1000),
        recipientId: customer.waId ?? customer.address,
        ...(errorCode ? { errorCode } : {}),
      });
      if (!customer.waId) return { ...entry, recipient_id: undefined, recipient_user_id: customer.userId };
      return entry;
    }),
  });
  await postWebhook(sandbox, payload);
}

const RETRY_DELAYS_MS = [250, 1_000, 4_000];

/** Signs and posts like Meta: only a 200 counts, anything else is retried (a few times here, Meta keeps at it for days). */
export async function postWebhook(sandbox: GraphSandbox, payload: object): Promise<boolean> {
  const raw = stringifyLikeMeta(payload);
  for (let attempt = 0; ; attempt += 1) {
    const target = await sandbox.webhookTarget();
    if (!target) return false;
    const ok = await fetch(target.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signPayload(raw, target.appSecret) },
      body: raw,
    }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) return true;
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) return false;
    await wait(delay);
  }
}

function dropWaId(payload: Record<string, unknown>): void {
  const value = (payload.entry as { changes: { value: { contacts?: Record<string, unknown>[] } }[] }[])[0]!.changes[0]!
    .value;
  for (const contact of value.contacts ?? []) delete contact.wa_id;
}

const RANK: Record<ChatEntryStatus, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };
const statusRank = (status: ChatEntryStatus | SampleStatusName) => RANK[status as ChatEntryStatus] ?? 0;
const wait = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());
