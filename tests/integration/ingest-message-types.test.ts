// Every inbound message type Meta documents, posted signed over HTTP, lands with the right effect.
import { describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import {
  buildFieldWebhook,
  buildMessagesWebhook,
  sampleInboundMessage,
  type SampleMessageType,
  sampleTemplateStatusUpdate,
} from "../../lib/whatsapp/sample-payloads";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";

const db = () => getDb();

async function ingest(type: SampleMessageType, options: Parameters<typeof sampleInboundMessage>[1] = {}) {
  const from = options.from ?? uniqueWaId();
  const wamid = options.wamid ?? uniqueWamid();
  const message = sampleInboundMessage(type, { ...options, from, wamid });
  const body = buildMessagesWebhook({
    contacts: type === "system" ? [] : [{ waId: from, name: "Customer Name" }],
    messages: [message],
  });
  expect((await postWebhook(body)).status).toBe(200);
  return { from, wamid, message };
}

const stored = (wamid: string) => eventually(() => db().message.findUnique({ where: { wamid } }), `message ${wamid}`);

const expectations: [SampleMessageType, string, (text: string | null, content: any) => void][] = [
  ["text", "text", (text) => expect(text).toContain("order #1042")],
  [
    "image",
    "image",
    (text, content) => (
      expect(text).toBe("Photo of the damaged box"),
      expect(content.mime_type).toBe("image/jpeg"),
      expect(content.id).toMatch(/^\d+$/)
    ),
  ],
  ["audio", "audio", (_text, content) => expect(content.voice).toBe(false)],
  ["voice", "audio", (_text, content) => expect(content.voice).toBe(true)],
  ["video", "video", (text, content) => (expect(text).toContain("Unboxing"), expect(content.sha256).toBeTruthy())],
  ["document", "document", (_text, content) => expect(content.filename).toMatch(/\.pdf$/)],
  ["sticker", "sticker", (_text, content) => expect(typeof content.animated).toBe("boolean")],
  [
    "location",
    "location",
    (text, content) => (expect(text).toBeTruthy(), expect(typeof content.latitude).toBe("number")),
  ],
  ["contacts", "contacts", (text, content) => (expect(text).toBeTruthy(), expect(Array.isArray(content)).toBe(true))],
  [
    "interactive-button",
    "interactive",
    (text, content) => (expect(text).toBeTruthy(), expect(content.type).toBe("button_reply")),
  ],
  [
    "interactive-list",
    "interactive",
    (text, content) => (expect(text).toBeTruthy(), expect(content.type).toBe("list_reply")),
  ],
  [
    "interactive-nfm",
    "interactive",
    (_text, content) => (expect(content.type).toBe("nfm_reply"), expect(content.nfm_reply.response_json).toBeTruthy()),
  ],
  ["button", "button", (text, content) => (expect(text).toBeTruthy(), expect(content.payload).toBeTruthy())],
  ["order", "order", (_text, content) => expect(Array.isArray(content.product_items)).toBe(true)],
  ["request_welcome", "request_welcome", () => undefined],
];

describe("inbound message types", () => {
  it.each(expectations)("stores %s as type %s with its content", async (sample, storedType, check) => {
    const { wamid, from } = await ingest(sample);
    const message = await stored(wamid);
    expect(message.type).toBe(storedType);
    expect(message.direction).toBe("inbound");
    check(message.text, message.content);
    const conversation = await db().conversation.findUniqueOrThrow({
      where: { id: message.conversationId },
      include: { contact: true },
    });
    expect(conversation.contact.waId).toBe(from);
    expect(conversation.contact.profileName).toBe("Customer Name");
    expect(conversation.lastMessageAt?.getTime()).toBe(message.timestamp.getTime());
  });

  it("keeps Meta's timestamp, not the time of processing", async () => {
    const { wamid } = await ingest("text", { timestamp: 1764230000 });
    expect((await stored(wamid)).timestamp.toISOString()).toBe(new Date(1764230000 * 1000).toISOString());
  });

  it("marks forwarded messages", async () => {
    const from = uniqueWaId();
    const wamid = uniqueWamid();
    const message = { ...sampleInboundMessage("text", { from, wamid }), context: { forwarded: true } };
    await postWebhook(buildMessagesWebhook({ contacts: [{ waId: from, name: "F" }], messages: [message] }));
    expect((await stored(wamid)).forwarded).toBe(true);
    const plain = await ingest("text");
    expect((await stored(plain.wamid)).forwarded).toBe(false);
  });

  it("stores a referral from a click-to-WhatsApp ad", async () => {
    const { wamid } = await ingest("text-with-referral");
    const message = await stored(wamid);
    expect((message.referral as { source_type: string }).source_type).toBe("ad");
  });

  it("links a reply to the message it quotes, even when the quoted one arrives later", async () => {
    const from = uniqueWaId();
    const quoted = uniqueWamid();
    const { wamid } = await ingest("text", { from, contextWamid: quoted, text: "this is the reply" });
    expect((await stored(wamid)).replyToWamid).toBe(quoted);
    await ingest("text", { from, wamid: quoted, text: "the quoted one" });
    const original = await stored(quoted);
    const replies = await db().message.findMany({ where: { replyToWamid: original.wamid } });
    expect(replies.map((reply) => reply.wamid)).toEqual([wamid]);
  });

  it("attaches a reaction to its target, keeps the newest, and removes it on an empty emoji", async () => {
    const from = uniqueWaId();
    const target = uniqueWamid();
    await ingest("reaction", { from, targetWamid: target, emoji: "❤️", timestamp: 1764230010 }); // before its target
    await ingest("text", { from, wamid: target, timestamp: 1764230000 });
    const reaction = () =>
      eventually(async () => (await db().reaction.findMany({ where: { targetWamid: target } }))[0], "the reaction");
    expect((await reaction()).emoji).toBe("❤️");
    await ingest("reaction", { from, targetWamid: target, emoji: "", timestamp: 1764230030 });
    await eventually(async () => (await reaction()).emoji === "", "the removal");
    await ingest("reaction", { from, targetWamid: target, emoji: "👍", timestamp: 1764230020 }); // older: a late retry
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await reaction()).emoji).toBe("");
    expect(await db().message.count({ where: { wamid: target } })).toBe(1);
  });

  it("stores a system number-change message without a contacts array", async () => {
    const { wamid } = await ingest("system");
    const message = await stored(wamid);
    expect(message.type).toBe("system");
    expect(message.text).toMatch(/changed/);
    // Where the contact goes next: ingest-hardening.test.ts.
  });

  it("keeps unsupported messages with Meta's error and unknown future types as they are", async () => {
    const unsupported = await stored((await ingest("unsupported")).wamid);
    expect(unsupported.type).toBe("unsupported");
    expect(JSON.stringify(unsupported.errors)).toContain("131051");
    const unknown = await stored((await ingest("unknown")).wamid);
    expect(unknown.type).toBe("hologram");
    expect(unknown.content).toBeTruthy();
  });

  it("never truncates text and keeps a message whose text holds NUL characters", async () => {
    const long = `${"ﷺ مرحبا 👋🏽 ".repeat(700)}end`;
    const { wamid } = await ingest("text", { text: long });
    expect((await stored(wamid)).text).toBe(long);
    const withNul = await ingest("text", { text: "before\u0000after" });
    expect((await stored(withNul.wamid)).text).toBe("before\uFFFDafter");
  });

  it("flags unusable timestamps instead of failing", async () => {
    const cases: [number | string, string | null][] = [
      [0, "zero"],
      [1764230000123, "milliseconds"],
      [4102444800, "future"],
    ];
    for (const [timestamp, issue] of cases) {
      const from = uniqueWaId();
      const wamid = uniqueWamid();
      const message = { ...sampleInboundMessage("text", { from, wamid }), timestamp: String(timestamp) };
      await postWebhook(buildMessagesWebhook({ contacts: [{ waId: from, name: "T" }], messages: [message] }));
      expect((await stored(wamid)).timestampIssue).toBe(issue);
    }
    const garbled = uniqueWamid();
    const from = uniqueWaId();
    await postWebhook(
      buildMessagesWebhook({
        contacts: [{ waId: from, name: "T" }],
        messages: [{ ...sampleInboundMessage("text", { from, wamid: garbled }), timestamp: "yesterday" }],
      }),
    );
    expect((await stored(garbled)).timestampIssue).toBe("invalid");
  });

  it("identifies a sender known only by a business-scoped user id", async () => {
    const userId = `US.${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    const wamid = uniqueWamid();
    const message = { ...sampleInboundMessage("text", { wamid }), from_user_id: userId } as Record<string, unknown>;
    delete message.from;
    const body = buildMessagesWebhook({ contacts: [], messages: [message] });
    const value = (body as any).entry[0].changes[0].value;
    value.contacts = [{ profile: { name: "Username User", username: "@user" }, user_id: userId }];
    expect((await postWebhook(body)).status).toBe(200);
    const stored_ = await stored(wamid);
    const conversation = await db().conversation.findUniqueOrThrow({
      where: { id: stored_.conversationId },
      include: { contact: true },
    });
    expect(conversation.contact.userId).toBe(userId);
    expect(conversation.contact.waId).toBeNull();
    expect(conversation.contact.username).toBe("@user");
  });

  it("keeps other webhook fields as account events and registers an unseen number", async () => {
    const value = { ...sampleTemplateStatusUpdate(), message_template_id: Date.now() };
    expect((await postWebhook(buildFieldWebhook("message_template_status_update", value))).status).toBe(200);
    await eventually(
      async () =>
        (await db().accountEvent.findMany({ where: { field: "message_template_status_update" } })).some(
          (event) => (event.value as { message_template_id: number }).message_template_id === value.message_template_id,
        ),
      "the account event",
    );
    const phoneNumberId = String(Date.now());
    const { wamid } = await (async () => {
      const from = uniqueWaId();
      const wamid_ = uniqueWamid();
      await postWebhook(
        buildMessagesWebhook({
          phoneNumberId,
          displayPhoneNumber: "15550009999",
          contacts: [{ waId: from, name: "N" }],
          messages: [sampleInboundMessage("text", { from, wamid: wamid_ })],
        }),
      );
      return { wamid: wamid_ };
    })();
    await stored(wamid);
    const number = await db().phoneNumber.findUnique({ where: { phoneNumberId } });
    expect(number?.displayPhoneNumber).toBe("15550009999");
  });
});
