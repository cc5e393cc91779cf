import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { firstMessages, parse, webhookOf } from "../support/parse-helpers";

// Bodies byte-for-byte as Meta delivers them (escaped unicode, "\/"), not as our builders make them.

describe("fixtures in Meta's wire format", () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/meta/${name}`, import.meta.url), "utf8");

  it("text-message.json: escaped unicode comes out as text, reply linked", () => {
    const change = firstMessages(parse(fixture("text-message.json")));
    expect(change).toMatchObject({
      wabaId: "102290129340398",
      phoneNumberId: "106540352242922",
      displayPhoneNumber: "15550783881",
    });
    expect(change.contacts).toEqual([
      {
        waId: "34612345678",
        userId: null,
        profileName: "José Muñoz",
        username: null,
      },
    ]);
    expect(change.messages[0]).toMatchObject({
      type: "text",
      text: "¡Hola! Mi pedido 12/345 llegó roto 😢 — ¿me ayudáis? <urgent> café & crème",
      replyToWamid: "wamid.HBgLMzQ2MTIzNDU2NzgVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA",
      timestamp: {
        date: new Date("2024-06-10T16:00:00Z"),
        issue: null,
        raw: "1718035200",
      },
    });
  });

  it("statuses-out-of-order.json: kept in body order with their own timestamps", () => {
    const change = firstMessages(parse(fixture("statuses-out-of-order.json")));
    expect(change.statuses.map((s) => [s.status, s.timestamp.raw])).toEqual([
      ["read", "1718035290"],
      ["delivered", "1718035262"],
      ["sent", "1718035260"],
      ["failed", "1718035301"],
    ]);
    expect(change.statuses[2]).toMatchObject({
      bizOpaqueData: "ticket=4471",
      conversation: { expiration_timestamp: "1718121660" },
    });
    expect(change.statuses[3]).toMatchObject({
      errorCode: 131026,
      errorTitle: "Message undeliverable",
      recipientId: "34698765432",
    });
  });

  it("template-status.json: another field, value verbatim", () => {
    const webhook = webhookOf(parse(fixture("template-status.json")));
    expect(webhook).toEqual({
      problems: [],
      changes: [
        {
          kind: "other",
          position: 0,
          field: "message_template_status_update",
          wabaId: "102290129340398",
          echoes: [],
          phoneNumberId: null,
          displayPhoneNumber: null,
          value: expect.objectContaining({
            event: "REJECTED",
            message_template_id: 1689556908129832,
            message_template_name: "promo_été_2024",
          }),
        },
      ],
    });
  });

  it("mixed-batch.json: BSUIDs, a reaction, unsupported, a system message and a quality update", () => {
    const webhook = webhookOf(parse(fixture("mixed-batch.json")));
    expect(webhook.problems).toEqual([]);
    expect(webhook.changes.map((c) => [c.position, c.kind])).toEqual([
      [0, "messages"],
      [1, "messages"],
      [2, "other"],
    ]);
    const [first, system] = webhook.changes;
    if (first?.kind !== "messages" || system?.kind !== "messages") throw new Error("shape");
    expect(first.contacts[0]).toEqual({
      waId: "5511987654321",
      userId: "BR.13491208655302741918",
      profileName: "Ana Lima",
      username: "@analima",
    });
    expect(first.messages.map((m) => [m.type, m.text, m.fromUserId])).toEqual([
      ["image", "Nota fiscal", "BR.13491208655302741918"],
      ["reaction", "❤️", "BR.13491208655302741918"],
      ["unsupported", null, null],
    ]);
    expect(first.messages[1]?.reaction).toEqual({
      targetWamid: "wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEjQ2QkY3RTFBOUMwRDJFNTg0MwA=",
      emoji: "❤️",
    });
    expect(system.contacts).toEqual([]);
    expect(system.messages[0]).toMatchObject({
      type: "system",
      text: "User Ana Lima changed from 5511987654321 to 5511912345678",
    });
  });
});
