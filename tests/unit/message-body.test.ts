import { describe, expect, it } from "vitest";
import type { MessageBodyView } from "@/lib/views/message-body";
import { buildMessageBody, buildReferralView, messageBodyText } from "@/lib/whatsapp/message-body";
import { readLeniently } from "@/lib/whatsapp/read-leniently";
import { buildMessagesWebhook, sampleInboundMessage, type SampleMessageType } from "@/lib/whatsapp/sample-payloads";
import { mediaContentSchema } from "@/lib/whatsapp/webhook-schema";
import { firstMessages, parse } from "../support/parse-helpers";

// The one reader of Meta's message shapes: what is stored (content, text, errors, referral) → the
// view the browser renders. Whatever the stored JSON holds, it answers a view and never throws.

/** A sample as ingestion stores it. */
function stored(type: SampleMessageType) {
  const raw = sampleInboundMessage(type, { wamid: `wamid.${type}`, timestamp: 1718034000 });
  const parsed = firstMessages(parse(JSON.stringify(buildMessagesWebhook({ messages: [raw] })))).messages[0];
  if (!parsed) throw new Error(`sample ${type} was not parsed`);
  return parsed;
}
const bodyOfSample = (type: SampleMessageType) => buildMessageBody(stored(type));
const body = (type: string, content: unknown, text: string | null = null, errors: unknown = null) =>
  buildMessageBody({ type, content, text, errors });

describe("buildMessageBody: Meta's samples", () => {
  it("text, and our own sends in the Graph API's shape", () => {
    expect(bodyOfSample("text")).toEqual({ kind: "text", text: "Olá! Is my order #1042 on its way? 📦" });
    expect(body("text", { preview_url: true, body: "See https://example.com" })).toEqual({
      kind: "text",
      text: "See https://example.com",
    });
  });

  it("media of every kind, with what Meta says about the file", () => {
    expect(bodyOfSample("image")).toEqual({
      kind: "media",
      mediaType: "image",
      mediaId: expect.stringMatching(/^\d+$/),
      mimeType: "image/jpeg",
      sha256: expect.any(String),
      fileSize: null,
      caption: "Photo of the damaged box",
      filename: null,
      voice: false,
      animated: false,
    });
    expect(bodyOfSample("voice")).toMatchObject({
      mediaType: "audio",
      voice: true,
      mimeType: "audio/ogg; codecs=opus",
    });
    expect(bodyOfSample("audio")).toMatchObject({ mediaType: "audio", voice: false });
    expect(bodyOfSample("video")).toMatchObject({ mediaType: "video", caption: "Unboxing, see 0:42" });
    expect(bodyOfSample("document")).toMatchObject({
      mediaType: "document",
      filename: "facture-2024-117.pdf",
      caption: "Invoice attached",
      mimeType: "application/pdf",
    });
    expect(bodyOfSample("sticker")).toMatchObject({ mediaType: "sticker", animated: false, caption: null });
    expect(body("sticker", { animated: true })).toMatchObject({ animated: true });
    expect(body("document", { filename: "a.pdf", file_size: 1_258_291 })).toMatchObject({ fileSize: 1_258_291 });
  });

  it("location, contacts, replies, order, system, welcome", () => {
    expect(bodyOfSample("location")).toEqual({
      kind: "location",
      latitude: 48.8583701,
      longitude: 2.2944813,
      name: "Tour Eiffel",
      address: "Champ de Mars, 5 Av. Anatole France, 75007 Paris, France",
      url: "https://www.toureiffel.paris/",
    });
    expect(bodyOfSample("contacts")).toEqual({
      kind: "contacts",
      contacts: [
        {
          name: "Zoë Martin",
          company: "Example Ltd",
          jobTitle: "Buyer",
          phones: ["+1 (650) 555-0199"],
          emails: ["zoe@example.com"],
        },
      ],
    });
    expect(bodyOfSample("interactive-button")).toEqual({
      kind: "interactive",
      reply: { type: "button_reply", id: "confirm-delivery", title: "Yes, deliver" },
    });
    expect(bodyOfSample("interactive-list")).toEqual({
      kind: "interactive",
      reply: { type: "list_reply", id: "slot-tue-am", title: "Tuesday morning", description: "09:00 – 12:00" },
    });
    expect(bodyOfSample("interactive-nfm")).toEqual({
      kind: "interactive",
      reply: {
        type: "nfm_reply",
        name: "flow",
        body: "Sent",
        fields: [
          { name: "rating", value: "5" },
          { name: "comment", value: "Great service" },
        ],
      },
    });
    expect(bodyOfSample("button")).toEqual({ kind: "button", text: "Stop promotions", payload: "STOP_PROMOTIONS" });
    expect(bodyOfSample("reaction")).toEqual({ kind: "reaction", emoji: "👍" });
    expect(bodyOfSample("order")).toEqual({
      kind: "order",
      catalogId: "1426389704792432",
      text: "Please gift-wrap the mug",
      items: [
        { productRetailerId: "mug-blue-01", quantity: 2, price: 12.5, currency: "EUR" },
        { productRetailerId: "tea-earl-grey", quantity: 1, price: 7.9, currency: "EUR" },
      ],
    });
    expect(bodyOfSample("system")).toEqual({
      kind: "system",
      text: "User Ana changed from 16505551234 to 16505559876",
    });
    expect(bodyOfSample("request_welcome")).toEqual({ kind: "request_welcome" });
  });

  it("unsupported with Meta's reason, and a type no version knows", () => {
    expect(bodyOfSample("unsupported")).toEqual({
      kind: "unsupported",
      type: "unsupported",
      innerType: "poll_creation",
      errors: [{ code: 131051, title: "Message type unknown", details: "Message type is currently not supported." }],
    });
    expect(bodyOfSample("unknown")).toEqual({ kind: "unsupported", type: "hologram", innerType: null, errors: [] });
  });

  it("an ad referral keeps its http(s) source; nothing else becomes a link", () => {
    expect(buildReferralView(stored("text-with-referral").referral)).toEqual({
      sourceType: "ad",
      headline: "Chat with us on WhatsApp",
      body: "Weekend brunch, 20% off for new guests",
      sourceUrl: "https://fb.me/3cr4Wqqkb",
    });
    for (const source_url of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.test", 5]) {
      expect(buildReferralView({ headline: "Ad", source_url })).toEqual({
        sourceType: "ad",
        headline: "Ad",
        body: null,
        sourceUrl: null,
      });
    }
    expect(buildReferralView({ source_type: "post" })).toMatchObject({ sourceType: "post" });
    for (const referral of [null, undefined, "x", 3, [], [{ headline: "x" }]]) {
      expect(buildReferralView(referral)).toBeNull();
    }
  });

  it("answers the text the parser stores, so search and previews say what the bubble shows", () => {
    const cases: [SampleMessageType, string | null][] = [
      ["text", "Olá! Is my order #1042 on its way? 📦"],
      ["image", "Photo of the damaged box"],
      ["sticker", null],
      ["location", "Tour Eiffel"],
      ["contacts", "Zoë Martin"],
      ["interactive-list", "Tuesday morning"],
      ["interactive-nfm", "Sent"],
      ["button", "Stop promotions"],
      ["order", "Please gift-wrap the mug"],
      ["request_welcome", null],
      ["unsupported", null],
    ];
    for (const [type, text] of cases) {
      expect(messageBodyText(bodyOfSample(type))).toBe(text);
      expect(stored(type).text).toBe(text);
    }
    expect(messageBodyText(body("document", { filename: "a.pdf" }))).toBe("a.pdf");
    expect(messageBodyText(body("location", { address: "Main St 1" }))).toBe("Main St 1");
    expect(messageBodyText(body("button", { payload: "STOP" }))).toBe("STOP");
  });
});

describe("buildMessageBody: malformed payloads give a sensible view, never a throw", () => {
  const kindOf: Record<string, MessageBodyView["kind"]> = {
    text: "text",
    image: "media",
    audio: "media",
    video: "media",
    document: "media",
    sticker: "media",
    location: "location",
    contacts: "contacts",
    interactive: "interactive",
    button: "button",
    reaction: "reaction",
    order: "order",
    system: "system",
    request_welcome: "request_welcome",
    unsupported: "unsupported",
    unknown: "unsupported",
    hologram: "unsupported",
  };
  let deep: unknown = { body: "deep" };
  for (let i = 0; i < 50_000; i++) deep = { body: deep, unsupported: deep, 0: [deep] };
  const contents: unknown[] = [
    null,
    undefined,
    42,
    "a string",
    true,
    [],
    [1, "two", null, [3]],
    {},
    deep,
    { body: { nested: true }, caption: 7, filename: ["x"], mime_type: {}, voice: "yes", file_size: -1 },
    { latitude: Infinity, longitude: -Infinity, name: { x: 1 }, address: [] },
    [{ name: "not an object", phones: "nope", emails: [null, 5] }, null, 3],
    { type: 5, button_reply: "x", list_reply: [], nfm_reply: { response_json: "{not json" } },
    { type: "nfm_reply", nfm_reply: { response_json: "[1,2]" } },
    { product_items: [null, { quantity: "many", item_price: {} }, 5], currency: 1 },
    { product_items: [{ product_retailer_id: "a", quantity: "1e999", item_price: "9".repeat(400) }] },
    { unsupported: "x", errors: "not an array" },
    Object.assign(Object.create(null), { body: "no prototype", ["__proto__"]: { polluted: true } }),
  ];
  const errorsValues: unknown[] = [
    null,
    "oops",
    [null, 5, { code: "x", title: {} }],
    { code: 131052, title: "Too big" },
  ];

  it.each(Object.keys(kindOf))("type %j", (type) => {
    for (const content of contents) {
      for (const errors of errorsValues) {
        for (const text of [null, "", "fallback text"]) {
          const view = body(type, content, text, errors);
          expect(view.kind).toBe(kindOf[type]);
          // Plain JSON, every string non-empty: the browser renders it as it is.
          expect(JSON.parse(JSON.stringify(view))).toEqual(view);
          expect(JSON.stringify(view)).not.toMatch(/:""/);
          expect(JSON.stringify(view)).not.toContain("polluted");
        }
      }
    }
  });

  it("falls back to the stored text when the payload is unusable", () => {
    expect(body("text", null, "Saved body")).toEqual({ kind: "text", text: "Saved body" });
    expect(body("text", { body: 5 }, null)).toEqual({ kind: "text", text: null });
    expect(body("image", 5, "A caption")).toMatchObject({ kind: "media", caption: "A caption", mimeType: null });
    // A usable payload without a caption has none: a document's stored text is its file name, shown apart.
    expect(body("document", { filename: "a.pdf" }, "a.pdf")).toMatchObject({ caption: null, filename: "a.pdf" });
    expect(body("contacts", "x", "Zoë")).toEqual({
      kind: "contacts",
      contacts: [{ name: "Zoë", company: null, jobTitle: null, phones: [], emails: [] }],
    });
    expect(body("contacts", "x", null)).toEqual({ kind: "contacts", contacts: [] });
    expect(body("button", [], "Yes")).toEqual({ kind: "button", text: "Yes", payload: null });
    expect(body("system", 3, "Changed")).toEqual({ kind: "system", text: "Changed" });
    expect(body("reaction", {}, "🔥")).toEqual({ kind: "reaction", emoji: "🔥" });
    expect(body("location", null, "Somewhere")).toMatchObject({ name: "Somewhere", latitude: null });
    expect(body("location", { address: "Main St 1" }, "Main St 1")).toMatchObject({ name: null, address: "Main St 1" });
    expect(body("interactive", { type: "button_reply", button_reply: {} }, "Yes")).toEqual({
      kind: "interactive",
      reply: { type: "button_reply", id: null, title: "Yes" },
    });
    expect(body("interactive", { type: "call_permission_reply" }, "Allowed")).toEqual({
      kind: "interactive",
      reply: { type: "other", declaredType: "call_permission_reply", text: "Allowed" },
    });
  });

  it("a location without usable coordinates has none", () => {
    for (const [latitude, longitude] of [
      ["north", 2],
      [91, 2],
      [1, 180.5],
      [1, Number.NaN],
      [1, '2"><script>'],
      [1, undefined],
    ]) {
      expect(body("location", { name: "Somewhere", latitude, longitude })).toMatchObject({
        name: "Somewhere",
        latitude: null,
        longitude: null,
      });
    }
    expect(body("location", { latitude: -90, longitude: 180 })).toMatchObject({ latitude: -90, longitude: 180 });
    expect(body("location", { latitude: 1, longitude: 2, url: "javascript:alert(1)" })).toMatchObject({ url: null });
  });

  it("reads what can be read of a shared contact", () => {
    expect(
      body("contacts", [
        { name: { first_name: "Ana", last_name: "Lima" }, phones: [{ phone: "+55 11" }, { phone: 5 }, "x"] },
        { org: { company: "Acme" }, emails: [{ email: "a@acme.test" }, null] },
        {},
        "not a card",
      ]),
    ).toEqual({
      kind: "contacts",
      contacts: [
        { name: "Ana Lima", company: null, jobTitle: null, phones: ["+55 11"], emails: [] },
        { name: "Acme", company: "Acme", jobTitle: null, phones: [], emails: ["a@acme.test"] },
        { name: null, company: null, jobTitle: null, phones: [], emails: [] },
      ],
    });
    // One card sent as an object rather than a list is still that card.
    expect(body("contacts", { name: { formatted_name: "Solo" } })).toMatchObject({ contacts: [{ name: "Solo" }] });
  });

  it("reads an interactive reply from whichever reply object is there", () => {
    expect(body("interactive", { type: "list_reply", button_reply: { title: "B" } })).toMatchObject({
      reply: { type: "button_reply", title: "B" },
    });
    expect(body("interactive", { list_reply: { id: "row-1" } })).toMatchObject({
      reply: { type: "list_reply", id: "row-1", title: null },
    });
    expect(body("interactive", 5)).toEqual({
      kind: "interactive",
      reply: { type: "other", declaredType: null, text: null },
    });
  });

  it("reads a Flow's answers as text, leaving its token and nested values out", () => {
    const fields = (response_json: unknown) => {
      const view = body("interactive", { type: "nfm_reply", nfm_reply: { response_json } });
      return view.kind === "interactive" && view.reply.type === "nfm_reply" ? view.reply.fields : "not a form";
    };
    expect(
      fields(JSON.stringify({ flow_token: "t", size: 42, ok: true, days: ["mon", 2], nested: { a: 1 }, mixed: [{}] })),
    ).toEqual([
      { name: "size", value: "42" },
      { name: "ok", value: "true" },
      { name: "days", value: "mon, 2" },
    ]);
    for (const junk of ["{not json", "[1,2]", "null", '"text"', 5, undefined]) expect(fields(junk)).toEqual([]);
  });

  it("reads order lines, amounts sent as numbers or digits, and drops entries that are not lines", () => {
    expect(
      body("order", {
        product_items: [
          { product_retailer_id: "a", quantity: "2", item_price: " 3.50 ", currency: "EUR" },
          { product_retailer_id: 7, quantity: "many", item_price: {}, currency: "" },
          null,
          5,
        ],
      }),
    ).toEqual({
      kind: "order",
      catalogId: null,
      text: null,
      items: [
        { productRetailerId: "a", quantity: 2, price: 3.5, currency: "EUR" },
        { productRetailerId: null, quantity: null, price: null, currency: null },
      ],
    });
    expect(body("order", { product_items: [{ quantity: "9".repeat(400) }] })).toMatchObject({
      items: [{ quantity: null }],
    });
  });

  it("reads Meta's errors from the message's errors, then from the stored message", () => {
    const withErrors = (errors: unknown, content: unknown = {}) => {
      const view = body("unsupported", content, null, errors);
      return view.kind === "unsupported" ? view.errors : "not unsupported";
    };
    expect(withErrors([{ code: 131051, message: "Unknown", error_data: { details: "Poll" } }])).toEqual([
      { code: 131051, title: "Unknown", details: "Poll" },
    ]);
    expect(withErrors({ code: 131052, title: "Too big" })).toEqual([{ code: 131052, title: "Too big", details: null }]);
    expect(withErrors(null, { errors: [{ title: "From the message" }] })).toEqual([
      { code: null, title: "From the message", details: null },
    ]);
    expect(withErrors([null, 5, { code: "x", title: {} }, { code: Infinity }], { errors: "nope" })).toEqual([]);
    expect(body("unsupported", { unsupported: { type: 5 } })).toMatchObject({ innerType: null });
  });
});

describe("readLeniently", () => {
  it("keeps the fields that match the schema and drops the rest, field by field", () => {
    expect(readLeniently(mediaContentSchema, { id: "1", caption: 7, voice: true, extra: "kept out" })).toEqual({
      id: "1",
      voice: true,
    });
    expect(readLeniently(mediaContentSchema, "x")).toBeUndefined();
    expect(readLeniently(mediaContentSchema, undefined)).toBeUndefined();
  });
});
