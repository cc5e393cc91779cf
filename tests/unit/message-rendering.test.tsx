import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DaySeparator, dayKey, formatDayLabel } from "@/components/inbox/message/day-separator";
import { LinkifiedText } from "@/components/inbox/message/linkified-text";
import { MessageBubble } from "@/components/inbox/message/message-bubble";
import { MessageTicks } from "@/components/inbox/message/message-ticks";
import type { MessageStatus, ThreadMessage } from "@/lib/views/inbox";
import type { MessageBodyView } from "@/lib/views/message-body";
import { buildMessageBody, buildReferralView } from "@/lib/whatsapp/message-body";
import {
  buildMessagesWebhook,
  sampleInboundMessage,
  SAMPLE_MESSAGE_TYPES,
  type SampleMessageType,
} from "@/lib/whatsapp/sample-payloads";
import { firstMessages, parse } from "../support/parse-helpers";

const TIMESTAMP = 1718034000; // 2024-06-10T15:40:00Z

/** A sample as the API answers it: parsed and stored by ingestion, then turned into views by the server. */
function sampleThreadMessage(type: SampleMessageType, overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  const raw = sampleInboundMessage(type, { wamid: `wamid.${type}`, timestamp: TIMESTAMP });
  const parsed = firstMessages(parse(JSON.stringify(buildMessagesWebhook({ messages: [raw] })))).messages[0];
  if (!parsed) throw new Error(`sample ${type} was not parsed`);
  return threadMessage({
    id: `msg-${type}`,
    wamid: parsed.wamid,
    type: parsed.type,
    text: parsed.text,
    body: buildMessageBody(parsed),
    timestamp: parsed.timestamp.date.toISOString(),
    timestampIssue: parsed.timestamp.issue,
    forwarded: parsed.forwarded,
    referral: buildReferralView(parsed.referral),
    ...overrides,
  });
}

/** A message of this type whose stored payload was `content`, as the server's view of it. */
function storedMessage(type: string, content: unknown, overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  const text = overrides.text ?? null;
  return threadMessage({ type, text, body: buildMessageBody({ type, content, text, errors: null }), ...overrides });
}

const textBody = (text: string): MessageBodyView => ({ kind: "text", text });

function threadMessage(overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  return {
    id: "msg-1",
    wamid: "wamid.1",
    conversationId: "conv-1",
    direction: "inbound",
    type: "text",
    text: "Hello",
    author: null,
    clientId: null,
    sendState: null,
    sendError: null,
    retryOfId: null,
    retriedById: null,
    media: null,
    body: textBody("Hello"),
    timestamp: new Date(TIMESTAMP * 1000).toISOString(),
    timestampIssue: null,
    forwarded: false,
    referral: null,
    status: null,
    statusAt: null,
    errorCode: null,
    errorTitle: null,
    replyTo: null,
    reactions: [],
    ...overrides,
  };
}

const render = (message: ThreadMessage) => renderToStaticMarkup(<MessageBubble message={message} />);
/** What a user reads: tags dropped, entities decoded, whitespace collapsed. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);

describe("MessageBubble: every sample type shows what the customer sent", () => {
  const essentials: Record<SampleMessageType, string[]> = {
    text: ["Olá! Is my order #1042 on its way? 📦"],
    "text-with-referral": [
      "Hi, I saw your ad — is the café menu still 20% off?",
      "From an ad",
      "Chat with us on WhatsApp",
      "Weekend brunch, 20% off for new guests",
    ],
    image: ["Photo", "image/jpeg", "Photo of the damaged box", "No copy of this file is kept"],
    audio: ["Audio", "audio/mpeg", "No copy of this file is kept"],
    voice: ["Voice message", "audio/ogg; codecs=opus"],
    video: ["Video", "video/mp4", "Unboxing, see 0:42"],
    document: ["Document", "facture-2024-117.pdf", "application/pdf", "Invoice attached"],
    sticker: ["Sticker", "image/webp"],
    location: ["Tour Eiffel", "Champ de Mars, 5 Av. Anatole France, 75007 Paris, France", "48.85837, 2.294481"],
    contacts: ["Zoë Martin", "+1 (650) 555-0199", "zoe@example.com", "Example Ltd"],
    "interactive-button": ["Button reply", "Yes, deliver"],
    "interactive-list": ["List reply", "Tuesday morning", "09:00 – 12:00"],
    "interactive-nfm": ["Form response", "Great service"],
    button: ["Stop promotions"],
    reaction: ["👍"],
    order: ["Order", "3 items", "mug-blue-01", "tea-earl-grey", "Total", "€32.90", "Please gift-wrap the mug"],
    system: ["System", "User Ana changed from 16505551234 to 16505559876"],
    request_welcome: ["Customer opened the chat"],
    unsupported: [
      "Unsupported message",
      "unsupported",
      "poll_creation",
      "Message type unknown (code 131051)",
      "Message type is currently not supported.",
    ],
    unknown: ["Unsupported message", "hologram"],
  };

  it.each(SAMPLE_MESSAGE_TYPES)("%s", (type) => {
    const html = render(sampleThreadMessage(type));
    const text = visibleText(html);
    for (const expected of essentials[type]) expect(text).toContain(expected);
    expect(html).toMatch(/^<div data-testid="message" data-message-id="msg-[^"]+"[^>]* data-direction="inbound"/);
  });

  it("a location links to OpenStreetMap at its coordinates", () => {
    const html = render(sampleThreadMessage("location"));
    expect(hrefs(html)).toContain(
      "https://www.openstreetmap.org/?mlat=48.85837&amp;mlon=2.294481#map=17/48.85837/2.294481",
    );
  });

  it("a location without coordinates has no map link; its http(s) website is a link", () => {
    const somewhere = { kind: "location", latitude: null, longitude: null, name: "Somewhere", address: null } as const;
    const html = render(threadMessage({ type: "location", body: { ...somewhere, url: "https://example.com/" } }));
    expect(visibleText(html)).toContain("Somewhere");
    expect(visibleText(html)).toContain("No coordinates");
    expect(html).not.toContain("openstreetmap");
    expect(hrefs(html)).toEqual(["https://example.com/"]);
    expect(hrefs(render(threadMessage({ type: "location", body: { ...somewhere, url: null } })))).toEqual([]);
  });

  it("an ad referral links to its source only when the server kept one", () => {
    const message = sampleThreadMessage("text-with-referral");
    expect(hrefs(render(message))).toContain("https://fb.me/3cr4Wqqkb");
    const noLink = render({
      ...message,
      referral: { sourceType: "post", headline: "Ad", body: null, sourceUrl: null },
    });
    expect(visibleText(noLink)).toContain("From a post Ad");
    expect(noLink).not.toContain("<a");
    const hostile = render({
      ...message,
      referral: buildReferralView({ headline: "Ad", source_url: "javascript:alert(1)" }),
    });
    expect(visibleText(hostile)).toContain("Ad");
    expect(hostile).not.toContain("javascript:");
  });

  it("a voice note and a plain audio file are told apart", () => {
    expect(visibleText(render(sampleThreadMessage("voice")))).toContain("Voice message");
    expect(visibleText(render(sampleThreadMessage("audio")))).not.toContain("Voice message");
  });

  it("shows the file size when Meta gives one", () => {
    const html = render(storedMessage("document", { filename: "a.pdf", file_size: 1_258_291 }, { text: "a.pdf" }));
    expect(visibleText(html)).toContain("1.2 MB");
  });
});

describe("MessageBubble: a view with nothing in it still says what it was", () => {
  const media = {
    kind: "media",
    mediaType: "document",
    mediaId: null,
    mimeType: null,
    sha256: null,
    fileSize: null,
    caption: null,
    filename: null,
    voice: false,
    animated: false,
  } as const;
  const cases: [string, MessageBodyView, string[]][] = [
    ["text", { kind: "text", text: null }, ["Empty message"]],
    ["document", media, ["Document", "No copy of this file is kept"]],
    ["sticker", { ...media, mediaType: "sticker", animated: true }, ["Animated sticker"]],
    ["contacts", { kind: "contacts", contacts: [] }, ["Shared contact"]],
    [
      "contacts",
      { kind: "contacts", contacts: [{ name: null, company: "Acme", jobTitle: "CEO", phones: [], emails: [] }] },
      ["Unnamed contact", "Acme · CEO"],
    ],
    [
      "interactive",
      { kind: "interactive", reply: { type: "button_reply", id: null, title: null } },
      ["Button reply", "(no title)"],
    ],
    [
      "interactive",
      { kind: "interactive", reply: { type: "list_reply", id: "row-1", title: null, description: null } },
      ["List reply", "row-1"],
    ],
    [
      "interactive",
      { kind: "interactive", reply: { type: "other", declaredType: null, text: null } },
      ["Interactive message", "Type: unknown"],
    ],
    [
      "interactive",
      { kind: "interactive", reply: { type: "nfm_reply", name: null, body: null, fields: [] } },
      ["Form response"],
    ],
    ["button", { kind: "button", text: null, payload: "STOP" }, ["Button reply", "STOP"]],
    ["button", { kind: "button", text: null, payload: null }, ["(no text)"]],
    ["reaction", { kind: "reaction", emoji: null }, ["Reacted (removed)"]],
    ["order", { kind: "order", catalogId: null, text: null, items: [] }, ["Order", "No items"]],
    ["system", { kind: "system", text: null }, ["System", "System message"]],
    [
      "hologram",
      { kind: "unsupported", type: "hologram", innerType: "hologram", errors: [] },
      ["Unsupported message", "Type: hologram Ask the customer"],
    ],
  ];

  it.each(cases)("%s: %j", (type, body, expected) => {
    const text = visibleText(render(threadMessage({ type, text: null, body })));
    for (const part of expected) expect(text).toContain(part);
  });

  it("an order totals lines only when every line has a price in one currency", () => {
    const line = { productRetailerId: "a", quantity: 2, price: 1.5, currency: "EUR" };
    const order = (items: (typeof line)[]) =>
      visibleText(
        render(threadMessage({ type: "order", body: { kind: "order", catalogId: null, text: null, items } })),
      );
    expect(order([line, { ...line, quantity: 1 }])).toContain("Total €4.50");
    expect(order([line, { ...line, currency: "USD" }])).not.toContain("Total");
    expect(order([{ ...line, currency: "NOT-A-CODE" }])).toContain("3.00 NOT-A-CODE");
  });
});

describe("MessageBubble: whatever the server makes of a malformed payload renders", () => {
  const types = ["text", "image", "audio", "document", "sticker", "location", "contacts", "interactive", "button"];
  types.push("order", "reaction", "system", "request_welcome", "unsupported", "unknown", "hologram");
  const contents: unknown[] = [
    null,
    42,
    "a string",
    [1, "two", null, [3]],
    {},
    { body: { nested: true }, caption: 7, filename: ["x"], mime_type: {} },
    [{ name: "not an object", phones: "nope", emails: [null, 5] }, null, 3],
    { type: 5, button_reply: "x", list_reply: [], nfm_reply: { response_json: "{not json" } },
    { product_items: [null, { quantity: "many", item_price: {} }, 5], currency: 1 },
    { unsupported: "x", errors: "not an array" },
  ];

  it.each(types)("%s", (type) => {
    for (const content of contents) {
      for (const text of [null, "fallback text"]) {
        const html = render(storedMessage(type, content, { text, referral: buildReferralView(content) }));
        expect(html).toContain('data-testid="message"');
      }
    }
  });

  it("falls back to the stored text when the content is unusable", () => {
    expect(visibleText(render(storedMessage("text", null, { text: "Saved body" })))).toContain("Saved body");
    expect(visibleText(render(storedMessage("image", 5, { text: "A caption" })))).toContain("A caption");
    expect(visibleText(render(storedMessage("contacts", "x", { text: "Zoë" })))).toContain("Zoë");
    expect(visibleText(render(storedMessage("button", [], { text: "Yes" })))).toContain("Yes");
  });

  it("survives odd reactions, reply and status values", () => {
    const html = render(
      threadMessage({
        direction: "outbound",
        status: "exploded" as MessageStatus,
        reactions: [{ emoji: "", direction: "inbound" }, null as never, { emoji: "👍", direction: "inbound" }],
        replyTo: { wamid: "w", found: true, id: null, type: null, text: null, direction: null },
        timestamp: "not a date",
      }),
    );
    expect(html).toContain('aria-label="Reactions: 👍 1"');
    expect(html).not.toContain("message-ticks");
    expect(visibleText(html)).toContain("--:--");
  });
});

describe("customer text is never markup", () => {
  it("renders HTML as escaped literal text", () => {
    const payload = "<img src=x onerror=alert(1)> and <script>alert(2)</script>";
    const html = render(threadMessage({ text: payload, body: textBody(payload) }));
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).not.toMatch(/<img|<script/i);
    expect(visibleText(html)).toContain(payload);
  });

  it("escapes markup in captions, names, titles and ad fields too", () => {
    const evil = "<img src=x onerror=alert(1)>";
    const messages = [
      storedMessage("image", { caption: evil }),
      storedMessage("location", { name: evil, address: evil, latitude: 1, longitude: 2 }),
      storedMessage("contacts", [{ name: { formatted_name: evil }, phones: [{ phone: evil }] }]),
      storedMessage("interactive", { type: "button_reply", button_reply: { title: evil } }),
      storedMessage("interactive", {
        type: "nfm_reply",
        nfm_reply: { response_json: JSON.stringify({ [evil]: evil }) },
      }),
      storedMessage("order", { text: evil, product_items: [{ product_retailer_id: evil }] }),
      threadMessage({ referral: { sourceType: "ad", headline: evil, body: evil, sourceUrl: null } }),
      threadMessage({
        type: "hologram",
        body: { kind: "unsupported", type: evil, innerType: evil, errors: [{ code: 1, title: evil, details: evil }] },
      }),
    ];
    for (const message of messages) {
      const html = render(message);
      expect(html).not.toContain("<img");
      expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    }
  });

  it("never links javascript:, data: or vbscript: URLs", () => {
    const html = renderToStaticMarkup(
      <LinkifiedText text="javascript:alert(1) data:text/html,<b>x</b> vbscript:msgbox(1) JaVaScRiPt:alert(2)" />,
    );
    expect(html).not.toContain("<a");
    expect(html).toContain("javascript:alert(1)");
  });

  it("links http(s) and www. with a safe rel, leaving trailing punctuation outside", () => {
    const html = renderToStaticMarkup(
      <LinkifiedText text="See https://example.com/track?id=7&x=1. Or (www.example.org/a_b_c), http://x.test/wiki/Foo_(bar)!" />,
    );
    expect(hrefs(html)).toEqual([
      "https://example.com/track?id=7&amp;x=1",
      "https://www.example.org/a_b_c",
      "http://x.test/wiki/Foo_(bar)",
    ]);
    expect(html).toContain(">https://example.com/track?id=7&amp;x=1</a>. Or (");
    expect(html).toContain(">www.example.org/a_b_c</a>),");
    expect(html).not.toContain("<em>");
    for (const anchor of html.match(/<a [^>]*>/g) ?? []) {
      expect(anchor).toContain('rel="noopener noreferrer nofollow"');
      expect(anchor).toContain('target="_blank"');
    }
  });

  it("renders WhatsApp formatting as elements and leaves snake_case alone", () => {
    const html = renderToStaticMarkup(
      <LinkifiedText text={"*bold* _italic_ ~gone~ ```let x = 1``` snake_case_name 2*3*4 *https://a.test/x_y*"} />,
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>italic</em>");
    expect(html).toContain("<s>gone</s>");
    expect(html).toMatch(/<code[^>]*>let x = 1<\/code>/);
    expect(html).toContain("snake_case_name 2*3*4");
    expect(html).toMatch(/<strong><a href="https:\/\/a.test\/x_y"[^>]*>https:\/\/a.test\/x_y<\/a><\/strong>/);
  });

  it("keeps a lone or unbalanced marker literal", () => {
    const html = renderToStaticMarkup(<LinkifiedText text={"5 * 3 = 15, *not closed\nnext* line"} />);
    expect(html).not.toContain("<strong>");
    expect(visibleText(html)).toContain("5 * 3 = 15, *not closed next* line");
  });

  it("leaves thousands of unclosed markers literal", () => {
    const text = "*a _b ~c ".repeat(2000);
    const html = renderToStaticMarkup(<LinkifiedText text={text} />);
    expect(html).not.toMatch(/<(strong|em|s)>/);
    expect(visibleText(html).trim()).toBe(text.trim());
  });

  it("marks text direction auto so right-to-left scripts align right", () => {
    const arabic = "مرحبا، أين طلبي؟";
    const html = render(threadMessage({ text: arabic, body: textBody(arabic) }));
    expect(html).toMatch(new RegExp(`dir="auto"[^>]*>${arabic}<`));
    const caption = render(storedMessage("image", { caption: "שלום" }));
    expect(caption).toMatch(/dir="auto"[^>]*>שלום</);
  });
});

describe("MessageTicks", () => {
  const labelOf = (html: string) => html.match(/aria-label="([^"]*)"/)?.[1];

  it.each([
    ["pending", "Pending"],
    ["sent", "Sent"],
    ["delivered", "Delivered"],
    ["read", "Read"],
    ["played", "Played"],
  ] as const)("%s reads %s", (status, label) => {
    const html = renderToStaticMarkup(<MessageTicks status={status} />);
    expect(html).toContain('data-testid="message-ticks"');
    expect(labelOf(html)).toBe(label);
    expect(html).toContain("<svg");
  });

  it("read and played ticks are blue and bolder (colour is not the only signal), sent and delivered grey", () => {
    const read = renderToStaticMarkup(<MessageTicks status="read" />);
    const delivered = renderToStaticMarkup(<MessageTicks status="delivered" />);
    expect(read).toContain("text-sky-600");
    expect(delivered).toContain("text-slate-500");
    const strokeOf = (html: string) => Number(/stroke-width="([\d.]+)"/.exec(html)?.[1]);
    expect(strokeOf(read)).toBeGreaterThan(strokeOf(delivered));
  });

  it("failed carries Meta's reason and code in the label and the title", () => {
    const html = renderToStaticMarkup(
      <MessageTicks status="failed" errorCode={131047} errorTitle="Re-engagement message" />,
    );
    expect(labelOf(html)).toBe("Failed: Re-engagement message (code 131047)");
    expect(html).toContain('title="Failed: Re-engagement message (code 131047)"');
    expect(html).toContain("text-red-600");
    expect(labelOf(renderToStaticMarkup(<MessageTicks status="failed" />))).toBe("Failed: no reason given");
  });

  it("renders nothing without a status", () => {
    expect(renderToStaticMarkup(<MessageTicks status={null} />)).toBe("");
  });
});

describe("MessageBubble: chrome around the content", () => {
  it("an outbound bubble carries its status and ticks; an inbound one neither", () => {
    const outbound = render(threadMessage({ id: "m9", direction: "outbound", status: "delivered" }));
    expect(outbound).toMatch(/^<div data-testid="message" data-message-id="m9"[^>]* data-direction="outbound"/);
    expect(outbound).toContain('data-status="delivered"');
    expect(outbound).toContain('aria-label="Delivered"');
    expect(outbound).toContain("bg-emerald-50");
    const inbound = render(threadMessage({ status: "read" }));
    expect(inbound).not.toContain("data-status");
    expect(inbound).not.toContain("message-ticks");
    expect(inbound).toContain("bg-white");
  });

  it("a failed outbound message says why", () => {
    const html = render(
      threadMessage({
        direction: "outbound",
        status: "failed",
        errorCode: 131026,
        errorTitle: "Message undeliverable",
      }),
    );
    expect(html).toContain('data-status="failed"');
    expect(html).toContain('aria-label="Failed: Message undeliverable (code 131026)"');
  });

  it("shows Meta's time as HH:MM, in UTC from the server (the browser then writes the viewer's zone)", () => {
    const iso = "2026-11-23T09:05:07.000Z";
    const html = render(threadMessage({ timestamp: iso }));
    expect(html).toContain(`<time dateTime="${iso}">09:05 UTC</time>`);
  });

  it("flags a timestamp Meta got wrong", () => {
    const html = render(threadMessage({ timestampIssue: "missing" }));
    expect(html).toContain('title="Meta&#x27;s timestamp was missing; showing the time we received it"');
    expect(render(threadMessage())).not.toContain("timestamp-issue");
  });

  it("groups reactions by emoji", () => {
    const html = render(
      threadMessage({
        reactions: [
          { emoji: "👍", direction: "inbound" },
          { emoji: "❤️", direction: "outbound" },
          { emoji: "👍", direction: "outbound" },
        ],
      }),
    );
    expect(html).toContain('aria-label="Reactions: 👍 2, ❤️ 1"');
    expect(render(threadMessage())).not.toContain("Reactions:");
  });

  it("labels forwarded messages", () => {
    expect(visibleText(render(threadMessage({ forwarded: true })))).toContain("Forwarded");
    expect(visibleText(render(threadMessage()))).not.toContain("Forwarded");
  });

  it("quotes the replied-to message as a button when the thread can jump to it", () => {
    const replyTo = {
      wamid: "wamid.q",
      found: true,
      id: "m0",
      type: "image",
      text: "The box",
      direction: "outbound" as const,
    };
    const withJump = renderToStaticMarkup(
      <MessageBubble message={threadMessage({ replyTo })} onJumpToMessage={() => undefined} />,
    );
    expect(withJump).toMatch(/<button type="button" data-testid="quoted-message"/);
    expect(visibleText(withJump)).toContain("You Photo: The box");
    const withoutJump = render(threadMessage({ replyTo }));
    expect(withoutJump).not.toContain("<button");
    expect(visibleText(withoutJump)).toContain("Photo: The box");
  });

  it("says when the quoted message is not stored", () => {
    const html = renderToStaticMarkup(
      <MessageBubble
        message={threadMessage({
          replyTo: { wamid: "wamid.gone", found: false, id: null, type: null, text: null, direction: null },
        })}
        onJumpToMessage={() => undefined}
      />,
    );
    expect(visibleText(html)).toContain("Original message not available");
    expect(html).not.toContain("<button");
  });
});

describe("day separators", () => {
  const now = new Date(2026, 10, 27, 10, 30); // Friday 27 Nov 2026, local time
  const at = (day: number, hour = 12) => new Date(2026, 10, day, hour).toISOString();

  it("labels today, yesterday, the last week by weekday, and older days by date", () => {
    expect(formatDayLabel(at(27, 0), now)).toBe("Today");
    expect(formatDayLabel(at(26, 23), now)).toBe("Yesterday");
    expect(formatDayLabel(at(25), now, "en-GB")).toBe("Wednesday");
    expect(formatDayLabel(at(21), now, "en-GB")).toBe("Saturday");
    expect(formatDayLabel(at(20), now, "en-GB")).toBe("20 Nov 2026");
    expect(formatDayLabel(new Date(2025, 0, 3).toISOString(), now, "en-GB")).toBe("3 Jan 2025");
    expect(formatDayLabel(at(28), now, "en-GB")).toBe("28 Nov 2026");
    expect(formatDayLabel("garbage", now)).toBe("Unknown date");
  });

  it("keys messages by local calendar day", () => {
    expect(dayKey(at(27, 0))).toBe("2026-11-27");
    expect(dayKey(at(27, 23))).toBe("2026-11-27");
    expect(dayKey(at(26, 23))).toBe("2026-11-26");
    expect(dayKey("garbage")).toBe("invalid");
  });

  it("renders the label in a time element", () => {
    const html = renderToStaticMarkup(<DaySeparator date={new Date(2024, 0, 5, 8).toISOString()} />);
    expect(html).toContain('dateTime="2024-01-05"');
    expect(visibleText(html)).toContain("5 Jan 2024");
  });
});

describe("MessageBubble: a media message's file, once the server holds it", () => {
  const renderWithQueries = (message: ThreadMessage) =>
    renderToStaticMarkup(
      <QueryClientProvider client={new QueryClient()}>
        <MessageBubble message={message} />
      </QueryClientProvider>,
    );
  const AT = "2026-12-03T05:00:00.000Z";
  const stored = (mimeType: string) =>
    ({ state: "stored", url: "/api/media/msg-x", mimeType, size: 2048, error: null, updatedAt: AT }) as const;

  it("shows a stored photo inline in a fixed box, as a button that opens the viewer", () => {
    const html = render(sampleThreadMessage("image", { id: "msg-x", media: stored("image/jpeg") }));
    expect(html).toMatch(/<img[^>]+src="\/api\/media\/msg-x"[^>]+alt="Photo of the damaged box"/);
    expect(html).toContain('aria-label="Open photo full size"');
    expect(html).toContain("aspect-[4/3]");
  });

  it("plays stored audio and video, and offers a stored document as a named download", () => {
    expect(render(sampleThreadMessage("audio", { media: stored("audio/mpeg") }))).toMatch(/<audio[^>]+controls/);
    expect(render(sampleThreadMessage("video", { media: stored("video/mp4") }))).toMatch(/<video[^>]+controls/);
    const document = render(sampleThreadMessage("document", { media: stored("application/pdf") }));
    expect(document).toMatch(/<a[^>]+href="\/api\/media\/msg-x"[^>]+download=/);
    expect(visibleText(document)).toContain("application/pdf · 2.0 KB");
  });

  it("says it is downloading, or why it waits, while the file is pending", () => {
    const pending = { state: "pending", url: null, mimeType: null, size: null, error: null, updatedAt: AT } as const;
    expect(visibleText(render(sampleThreadMessage("image", { media: pending })))).toContain("Downloading…");
    const waiting = { ...pending, error: "Waiting for an access token" };
    expect(visibleText(render(sampleThreadMessage("image", { media: waiting })))).toContain(
      "Waiting for an access token",
    );
  });

  it("shows why a download failed, with a retry button", () => {
    const failed = {
      state: "failed",
      url: null,
      mimeType: null,
      size: null,
      error: "Meta does not know this media id",
      updatedAt: AT,
    } as const;
    const html = renderWithQueries(sampleThreadMessage("sticker", { media: failed }));
    expect(html).toContain('role="alert"');
    expect(visibleText(html)).toContain("Meta does not know this media id");
    expect(visibleText(html)).toContain("Retry download");
    expect(html).not.toContain("<img");
  });
});
