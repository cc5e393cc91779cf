import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DaySeparator, dayKey, formatDayLabel } from "@/components/inbox/message/day-separator";
import { LinkifiedText } from "@/components/inbox/message/linkified-text";
import { MessageBubble } from "@/components/inbox/message/message-bubble";
import { MessageTicks } from "@/components/inbox/message/message-ticks";
import type { MessageStatus, ThreadMessage } from "@/lib/inbox/inbox-views";
import {
  buildMessagesWebhook,
  sampleInboundMessage,
  SAMPLE_MESSAGE_TYPES,
  type SampleMessageType,
} from "@/lib/whatsapp/sample-payloads";
import { firstMessages, parse } from "../support/parse-helpers";

const TIMESTAMP = 1718034000; // 2024-06-10T15:40:00Z

/** A sample converted the way ingestion stores it: the parser's content, text, referral, errors. */
function sampleThreadMessage(type: SampleMessageType, overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  const raw = sampleInboundMessage(type, { wamid: `wamid.${type}`, timestamp: TIMESTAMP });
  const parsed = firstMessages(parse(JSON.stringify(buildMessagesWebhook({ messages: [raw] })))).messages[0];
  if (!parsed) throw new Error(`sample ${type} was not parsed`);
  return threadMessage({
    id: `msg-${type}`,
    wamid: parsed.wamid,
    type: parsed.type,
    text: parsed.text,
    content: parsed.content,
    timestamp: parsed.timestamp.date.toISOString(),
    timestampIssue: parsed.timestamp.issue,
    forwarded: parsed.forwarded,
    referral: parsed.referral,
    errors: parsed.errors,
    ...overrides,
  });
}

function threadMessage(overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  return {
    id: "msg-1",
    wamid: "wamid.1",
    conversationId: "conv-1",
    direction: "inbound",
    type: "text",
    text: "Hello",
    content: { body: "Hello" },
    timestamp: new Date(TIMESTAMP * 1000).toISOString(),
    timestampIssue: null,
    forwarded: false,
    referral: null,
    errors: null,
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
    image: ["Photo", "image/jpeg", "Photo of the damaged box", "Media download not available yet"],
    audio: ["Audio", "audio/mpeg", "Media download not available yet"],
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

  it("a location without usable coordinates has no map link", () => {
    for (const content of [
      { name: "Somewhere", latitude: "north", longitude: 2 },
      { name: "Somewhere", latitude: 91, longitude: 2 },
      { name: "Somewhere", latitude: 1, longitude: Number.NaN },
      { name: "Somewhere", latitude: 1, longitude: '2"><script>' },
    ]) {
      const html = render(threadMessage({ type: "location", text: "Somewhere", content }));
      expect(visibleText(html)).toContain("Somewhere");
      expect(html).not.toContain("openstreetmap");
    }
  });

  it("an ad referral links only to an http(s) source", () => {
    const message = sampleThreadMessage("text-with-referral");
    expect(hrefs(render(message))).toContain("https://fb.me/3cr4Wqqkb");
    const hostile = render({ ...message, referral: { headline: "Ad", source_url: "javascript:alert(1)" } });
    expect(visibleText(hostile)).toContain("Ad");
    expect(hostile).not.toContain("javascript:");
  });

  it("a voice note and a plain audio file are told apart", () => {
    expect(visibleText(render(sampleThreadMessage("voice")))).toContain("Voice message");
    expect(visibleText(render(sampleThreadMessage("audio")))).not.toContain("Voice message");
  });

  it("shows the file size when Meta gives one", () => {
    const html = render(
      threadMessage({ type: "document", text: "a.pdf", content: { filename: "a.pdf", file_size: 1_258_291 } }),
    );
    expect(visibleText(html)).toContain("1.2 MB");
  });
});

describe("MessageBubble: malformed content never throws", () => {
  const types = [
    "text",
    "image",
    "audio",
    "video",
    "document",
    "sticker",
    "location",
    "contacts",
    "interactive",
    "button",
    "order",
    "reaction",
    "system",
    "request_welcome",
    "unsupported",
    "unknown",
    "hologram",
  ];
  const contents: unknown[] = [
    null,
    undefined,
    42,
    "a string",
    true,
    [],
    [1, "two", null, [3]],
    {},
    { body: { nested: true }, caption: 7, filename: ["x"], mime_type: {} },
    { latitude: Infinity, longitude: -Infinity, name: { x: 1 }, address: [] },
    [{ name: "not an object", phones: "nope", emails: [null, 5] }, null, 3],
    { type: 5, button_reply: "x", list_reply: [], nfm_reply: { response_json: "{not json" } },
    { type: "nfm_reply", nfm_reply: { response_json: "[1,2]" } },
    { product_items: [null, { quantity: "many", item_price: {} }, 5], currency: 1 },
    { product_items: [{ product_retailer_id: "a", quantity: 1, item_price: 2, currency: "NOT-A-CODE" }] },
    { unsupported: "x", errors: "not an array" },
  ];
  const errorsValues: unknown[] = [
    null,
    "oops",
    [null, 5, { code: "x", title: {} }],
    { code: 131052, title: "Too big" },
  ];

  it.each(types)("%s with hostile content and errors", (type) => {
    for (const content of contents) {
      for (const errors of errorsValues) {
        for (const text of [null, "", "fallback text"]) {
          const html = render(threadMessage({ type, content, errors, text, referral: content }));
          expect(html).toContain('data-testid="message"');
        }
      }
    }
  });

  it("falls back to the stored text when the content is unusable", () => {
    expect(visibleText(render(threadMessage({ type: "text", content: null, text: "Saved body" })))).toContain(
      "Saved body",
    );
    expect(visibleText(render(threadMessage({ type: "image", content: 5, text: "A caption" })))).toContain("A caption");
    expect(visibleText(render(threadMessage({ type: "contacts", content: "x", text: "Zoë" })))).toContain("Zoë");
    expect(visibleText(render(threadMessage({ type: "button", content: [], text: "Yes" })))).toContain("Yes");
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
    const html = render(threadMessage({ text: payload, content: { body: payload } }));
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).not.toMatch(/<img|<script/i);
    expect(visibleText(html)).toContain(payload);
  });

  it("escapes markup in captions, names, titles and ad fields too", () => {
    const evil = "<img src=x onerror=alert(1)>";
    const messages = [
      threadMessage({ type: "image", content: { caption: evil } }),
      threadMessage({ type: "location", content: { name: evil, address: evil, latitude: 1, longitude: 2 } }),
      threadMessage({ type: "contacts", content: [{ name: { formatted_name: evil }, phones: [{ phone: evil }] }] }),
      threadMessage({ type: "interactive", content: { type: "button_reply", button_reply: { title: evil } } }),
      threadMessage({ referral: { headline: evil, body: evil } }),
      threadMessage({ type: "hologram", content: {}, errors: [{ code: 1, title: evil }] }),
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
    const html = render(threadMessage({ text: arabic, content: { body: arabic } }));
    expect(html).toMatch(new RegExp(`dir="auto"[^>]*>${arabic}<`));
    const caption = render(threadMessage({ type: "image", content: { caption: "שלום" } }));
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

  it("read and played ticks are blue, sent and delivered grey", () => {
    expect(renderToStaticMarkup(<MessageTicks status="read" />)).toContain("text-sky-500");
    expect(renderToStaticMarkup(<MessageTicks status="delivered" />)).toContain("text-slate-400");
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

  it("shows Meta's time as HH:MM with the full date in the title", () => {
    const iso = new Date(2026, 10, 23, 9, 5, 7).toISOString();
    const html = render(threadMessage({ timestamp: iso }));
    expect(html).toMatch(new RegExp(`<time dateTime="${iso}" title="[^"]*2026[^"]*">09:05</time>`));
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
    expect(visibleText(withJump)).toContain("You 📷 Photo: The box");
    const withoutJump = render(threadMessage({ replyTo }));
    expect(withoutJump).not.toContain("<button");
    expect(visibleText(withoutJump)).toContain("📷 Photo: The box");
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
    expect(formatDayLabel(at(25), now)).toBe("Wednesday");
    expect(formatDayLabel(at(21), now)).toBe("Saturday");
    expect(formatDayLabel(at(20), now)).toBe("20 Nov 2026");
    expect(formatDayLabel(new Date(2025, 0, 3).toISOString(), now)).toBe("3 Jan 2025");
    expect(formatDayLabel(at(28), now)).toBe("28 Nov 2026");
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
