import { describe, expect, it } from "vitest";
import { parseWebhook, type ParsedChange, type ParsedMessage } from "@/lib/whatsapp/parse-webhook";
import {
  buildMessagesWebhook,
  sampleInboundMessage,
  SAMPLE_MESSAGE_TYPES,
  type SampleMessageType,
} from "@/lib/whatsapp/sample-payloads";

const receivedAt = new Date("2024-06-10T16:00:00Z");
const SECONDS = Math.floor(receivedAt.getTime() / 1000) - 30;

function parseOk(payload: unknown) {
  const result = parseWebhook(typeof payload === "string" ? payload : JSON.stringify(payload), { receivedAt });
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.webhook;
}

function messagesChange(change: ParsedChange | undefined) {
  if (change?.kind !== "messages") throw new Error(`expected a messages change, got ${change?.kind}`);
  return change;
}

function parseMessageObject(message: object): ParsedMessage {
  const webhook = parseOk(buildMessagesWebhook({ messages: [message] }));
  expect(webhook.problems).toEqual([]);
  const parsed = messagesChange(webhook.changes[0]).messages[0];
  if (!parsed) throw new Error("message was dropped");
  return parsed;
}

function parseOne(type: SampleMessageType, options: Parameters<typeof sampleInboundMessage>[1] = {}): ParsedMessage {
  return parseMessageObject(
    sampleInboundMessage(type, {
      wamid: `wamid.${type}`,
      timestamp: SECONDS,
      ...options,
    }),
  );
}

describe("parseWebhook: every inbound type", () => {
  const expected: Record<SampleMessageType, { type: string; text: string | null; contentHas: string }> = {
    text: {
      type: "text",
      text: "Olá! Is my order #1042 on its way? 📦",
      contentHas: "body",
    },
    "text-with-referral": {
      type: "text",
      text: "Hi, I saw your ad — is the café menu still 20% off?",
      contentHas: "body",
    },
    image: {
      type: "image",
      text: "Photo of the damaged box",
      contentHas: "sha256",
    },
    audio: { type: "audio", text: null, contentHas: "mime_type" },
    voice: { type: "audio", text: null, contentHas: "voice" },
    video: { type: "video", text: "Unboxing, see 0:42", contentHas: "id" },
    document: {
      type: "document",
      text: "Invoice attached",
      contentHas: "filename",
    },
    sticker: { type: "sticker", text: null, contentHas: "animated" },
    location: { type: "location", text: "Tour Eiffel", contentHas: "latitude" },
    contacts: { type: "contacts", text: "Zoë Martin", contentHas: "0" },
    "interactive-button": {
      type: "interactive",
      text: "Yes, deliver",
      contentHas: "button_reply",
    },
    "interactive-list": {
      type: "interactive",
      text: "Tuesday morning",
      contentHas: "list_reply",
    },
    "interactive-nfm": {
      type: "interactive",
      text: "Sent",
      contentHas: "nfm_reply",
    },
    button: { type: "button", text: "Stop promotions", contentHas: "payload" },
    reaction: { type: "reaction", text: "👍", contentHas: "message_id" },
    order: {
      type: "order",
      text: "Please gift-wrap the mug",
      contentHas: "product_items",
    },
    system: {
      type: "system",
      text: "User Ana changed from 16505551234 to 16505559876",
      contentHas: "wa_id",
    },
    request_welcome: { type: "request_welcome", text: null, contentHas: "" },
    unsupported: { type: "unsupported", text: null, contentHas: "errors" },
    unknown: { type: "hologram", text: null, contentHas: "hologram" },
  };

  it("has an expectation for every sample type", () => {
    expect(Object.keys(expected).sort()).toEqual([...SAMPLE_MESSAGE_TYPES].sort());
  });

  it.each(SAMPLE_MESSAGE_TYPES)("%s", (sampleType) => {
    const want = expected[sampleType];
    const message = parseOne(sampleType);
    expect(message.wamid).toBe(`wamid.${sampleType}`);
    expect(message.type).toBe(want.type);
    expect(message.text).toBe(want.text);
    expect(message.from).toBe("16505551234");
    expect(message.timestamp).toEqual({
      date: new Date(SECONDS * 1000),
      issue: null,
      raw: String(SECONDS),
    });
    if (want.contentHas === "") expect(message.content).toBeNull();
    else expect(message.content).toHaveProperty([want.contentHas]);
  });

  it("keeps the type-specific object as content", () => {
    const image = sampleInboundMessage("image", { wamid: "wamid.img" });
    expect(parseMessageObject(image).content).toEqual(image.image);
    const contacts = sampleInboundMessage("contacts");
    expect(parseMessageObject(contacts).content).toEqual(contacts.contacts);
    const location = parseOne("location");
    expect(location.content).toMatchObject({
      latitude: 48.8583701,
      longitude: 2.2944813,
      name: "Tour Eiffel",
    });
  });

  it("links replies, referrals and forwards", () => {
    const reply = parseOne("text", { contextWamid: "wamid.original" });
    expect(reply.replyToWamid).toBe("wamid.original");
    expect(reply.forwarded).toBe(false);
    expect(parseOne("text").replyToWamid).toBeNull();
    expect(parseOne("text-with-referral").referral).toMatchObject({
      source_type: "ad",
      ctwa_clid: expect.any(String),
    });

    const forwarded = parseMessageObject({
      ...sampleInboundMessage("text"),
      context: { forwarded: true },
    });
    expect(forwarded.forwarded).toBe(true);
    expect(forwarded.replyToWamid).toBeNull();
    const viral = parseMessageObject({
      ...sampleInboundMessage("image"),
      context: { frequently_forwarded: true },
    });
    expect(viral.forwarded).toBe(true);
  });

  it("reads reactions, including a removed one", () => {
    expect(parseOne("reaction", { targetWamid: "wamid.target", emoji: "🔥" }).reaction).toEqual({
      targetWamid: "wamid.target",
      emoji: "🔥",
    });
    const removed = parseOne("reaction", {
      targetWamid: "wamid.target",
      emoji: "",
    });
    expect(removed.reaction).toEqual({
      targetWamid: "wamid.target",
      emoji: "",
    });
    expect(parseOne("text").reaction).toBeNull();
  });

  it("stores unsupported and never-seen types whole, with their errors", () => {
    const unsupported = parseOne("unsupported");
    expect(unsupported.errors).toEqual([expect.objectContaining({ code: 131051, title: "Message type unknown" })]);
    expect(unsupported.content).toMatchObject({
      id: "wamid.unsupported",
      type: "unsupported",
      errors: expect.any(Array),
    });

    const hologram = parseOne("unknown");
    expect(hologram.content).toMatchObject({
      id: "wamid.unknown",
      type: "hologram",
      hologram: { depth_layers: 3 },
    });
    expect(hologram.errors).toBeNull();
  });

  it("uses the document filename when there is no caption", () => {
    const doc = sampleInboundMessage("document", { wamid: "wamid.doc" });
    delete (doc.document as Record<string, unknown>).caption;
    expect(parseMessageObject(doc).text).toBe("facture-2024-117.pdf");
  });

  it("never truncates text", () => {
    const body = "ä".repeat(100_000) + "END";
    expect(parseOne("text", { text: body }).text).toBe(body);
  });
});
