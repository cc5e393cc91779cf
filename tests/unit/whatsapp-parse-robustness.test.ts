import { describe, expect, it } from "vitest";
import { firstMessages, parse, webhookOf } from "../support/parse-helpers";
import { buildMessagesWebhook, sampleInboundMessage, sampleStatus } from "@/lib/whatsapp/sample-payloads";

describe("parseWebhook: rejecting what is not a webhook", () => {
  it("explains invalid JSON with the parser's message", () => {
    const result = parse('{"object":"whatsapp_business_account",');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^body is not valid JSON: .+/);
  });

  it.each([
    ["an array", "[]", "(root): Invalid input: expected object, received array"],
    ["null", "null", "(root): Invalid input: expected object, received null"],
    ["a page webhook", '{"object":"page","entry":[]}', 'object: Invalid input: expected "whatsapp_business_account"'],
    ["an envelope without entry", '{"object":"whatsapp_business_account"}', "(root): missing entry"],
    ["entry as an object", '{"object":"whatsapp_business_account","entry":{}}', "entry: Invalid input: expected array"],
  ])("rejects %s and names the path", (_label, body, reason) => {
    const result = parse(body);
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining(reason),
    });
  });

  it("accepts an envelope with no entries", () => {
    expect(parse('{"object":"whatsapp_business_account","entry":[]}')).toEqual({
      ok: true,
      webhook: { changes: [], problems: [] },
    });
  });
});

describe("parseWebhook: one bad item costs only that item", () => {
  it("skips malformed messages and statuses with a precise problem, keeping the rest", () => {
    const good = sampleInboundMessage("text", { wamid: "wamid.good" });
    const noId = { ...sampleInboundMessage("text"), id: undefined };
    const payload = buildMessagesWebhook({
      messages: [
        good,
        noId,
        42 as unknown as object, // not a message at all
        { ...good, id: "wamid.typeless", type: undefined },
      ],
      statuses: [{ id: "wamid.s" }, sampleStatus({ wamid: "wamid.ok", status: "delivered" })],
    });
    const result = parse(JSON.stringify(payload));
    const change = firstMessages(result);
    expect(change.messages.map((m) => [m.wamid, m.type])).toEqual([
      ["wamid.good", "text"],
      ["wamid.typeless", "unknown"], // kept: it has an id, so it can be shown as unsupported
    ]);
    expect(change.statuses.map((s) => s.wamid)).toEqual(["wamid.ok"]);
    expect(webhookOf(result).problems).toEqual([
      "entry[0].changes[0].value.messages[1]: missing id",
      "entry[0].changes[0].value.messages[2]: Invalid input: expected object, received number",
      "entry[0].changes[0].value.messages[3]: missing type",
      "entry[0].changes[0].value.statuses[0]: missing status",
    ]);
  });

  it("skips a messages change without metadata.phone_number_id but keeps its neighbours", () => {
    const broken = buildMessagesWebhook({
      messages: [sampleInboundMessage("text")],
    });
    const value = (
      broken.entry as {
        changes: { value: { metadata: Record<string, unknown> } }[];
      }[]
    )[0]!.changes[0]!.value;
    delete value.metadata.phone_number_id;
    const fine = buildMessagesWebhook({
      phoneNumberId: "999",
      messages: [sampleInboundMessage("text")],
    });
    const result = parse(
      JSON.stringify({
        ...broken,
        entry: [...(broken.entry as object[]), ...(fine.entry as object[])],
      }),
    );
    const webhook = webhookOf(result);
    expect(webhook.changes).toHaveLength(1);
    expect(webhook.changes[0]).toMatchObject({
      kind: "messages",
      position: 1,
      phoneNumberId: "999",
    });
    expect(webhook.problems).toEqual(["entry[0].changes[0].value.metadata: missing phone_number_id"]);
  });

  it("keeps a message whose optional fields have odd types, and says so", () => {
    const odd = {
      ...sampleInboundMessage("text", { wamid: "wamid.odd" }),
      from: { nested: true },
    };
    const result = parse(JSON.stringify(buildMessagesWebhook({ contacts: [], messages: [odd] })));
    expect(firstMessages(result).messages[0]).toMatchObject({
      wamid: "wamid.odd",
      from: null,
      text: expect.any(String),
    });
    expect(webhookOf(result).problems).toEqual([
      "entry[0].changes[0].value.messages[0].from: expected a non-empty string id",
    ]);
  });
  it("caps the problem list so a garbage batch cannot flood logs", () => {
    const body = JSON.stringify(
      buildMessagesWebhook({
        messages: Array.from({ length: 500 }, () => ({})),
      }),
    );
    const { problems } = webhookOf(parse(body));
    expect(problems).toHaveLength(101);
    expect(problems[100]).toMatch(/^…and \d+ more problems$/);
  });
});

describe("parseWebhook: storable strings", () => {
  it("replaces NUL and lone surrogates everywhere, deep inside stored JSON too", () => {
    const message = {
      ...sampleInboundMessage("text", {
        wamid: "wamid.nul\u0000",
        text: "a\u0000b",
      }),
      referral: { body: "x\u0000y", nested: [{ "k\u0000": "\ud800" }] },
    };
    const body = JSON.stringify(
      buildMessagesWebhook({
        contacts: [{ waId: "1", name: "N\u0000" }],
        messages: [message],
      }),
    );
    expect(body).toContain("\\u0000");
    const change = firstMessages(parse(body));
    const parsed = change.messages[0]!;
    expect(parsed.wamid).toBe("wamid.nul\uFFFD");
    expect(parsed.text).toBe("a\uFFFDb");
    expect(parsed.content).toEqual({ body: "a\uFFFDb" });
    expect(parsed.referral).toEqual({
      body: "x\uFFFDy",
      nested: [{ "k\uFFFD": "\uFFFD" }],
    });
    expect(change.contacts[0]?.profileName).toBe("N\uFFFD");
    expect(JSON.stringify(change)).not.toMatch(/\\u0000|\\ud800/i);
  });

  it("cleans values of other fields and keeps valid surrogate pairs intact", () => {
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "1",
          changes: [{ field: "account_update", value: { a: ["\u0000", "😀"] } }],
        },
      ],
    });
    expect(webhookOf(parse(body)).changes[0]).toMatchObject({
      value: { a: ["\uFFFD", "😀"] },
    });
  });

  it("cuts absurd nesting instead of passing a stack-overflow bomb downstream", () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    const body = `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"x","value":${deep}}]}]}`;
    const webhook = webhookOf(parse(body));
    expect(webhook.changes).toHaveLength(1);
    expect(() => JSON.stringify(webhook)).not.toThrow();
    expect(webhook.problems[0]).toMatch(/nested deeper than 100 levels/);
  });
});

describe("parseWebhook: never throws", () => {
  const envelope = (entry: string) => `{"object":"whatsapp_business_account","entry":${entry}}`;
  const garbage = [
    "",
    " ",
    "undefined",
    "0",
    "-1e400",
    '"whatsapp_business_account"',
    "true",
    "{}",
    '{"__proto__":{"polluted":true},"object":"whatsapp_business_account","entry":[]}',
    envelope('[null, 1, "x", [], {}]'),
    envelope('[{"changes":[null, 1, [], {"field":7}, {"field":"messages"}, {"field":"messages","value":[]}]}]'),
    envelope(
      '[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"1"},"messages":{},"statuses":"x","contacts":[1]}}]}]',
    ),
    envelope(
      '[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"1"},"messages":[{"id":"w","type":"reaction","reaction":null,"context":[]}]}}]}]',
    ),
    envelope(
      '[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":1e400},"messages":[{"id":"w","timestamp":{"a":1}}]}}]}]',
    ),
    "[".repeat(200_000) + "]".repeat(200_000),
    '{"a":"' + "x".repeat(3_000_000) + '"}',
    "\u0000",
    "\ud800",
  ];

  it.each(garbage.map((body, index) => [index, body] as const))("garbage #%i", (_index, body) => {
    const result = parse(body);
    expect(typeof result.ok).toBe("boolean");
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("survives random mutations of a realistic batch", () => {
    const base = JSON.stringify(
      buildMessagesWebhook({
        messages: ["text", "image", "reaction", "interactive-list", "unknown"].map((t) =>
          sampleInboundMessage(t as "text", { wamid: `wamid.${t}` }),
        ),
        statuses: [sampleStatus({ wamid: "wamid.s", status: "failed" })],
      }),
    );
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ["", "null", "[]", "{}", '"', "\\u0000", "1e999", ",", "]", "}", '"type":"x"', "-"];
    let parsedOk = 0;
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(random() * base.length);
      const cut = Math.floor(random() * 8);
      const mutated = base.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + base.slice(at + cut);
      const result = parse(mutated);
      if (result.ok) parsedOk++;
    }
    expect(parsedOk).toBeGreaterThan(0);
  });
});
