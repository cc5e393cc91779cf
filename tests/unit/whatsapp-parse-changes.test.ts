import { describe, expect, it } from "vitest";
import { parseWebhook, type ParsedChange } from "@/lib/whatsapp/parse-webhook";
import {
  buildFieldWebhook,
  buildMessagesWebhook,
  sampleInboundMessage,
  samplePhoneNumberQualityUpdate,
  sampleStatus,
  sampleTemplateStatusUpdate,
} from "@/lib/whatsapp/sample-payloads";

const receivedAt = new Date("2024-06-10T16:00:00Z");
const SECONDS = Math.floor(receivedAt.getTime() / 1000) - 30;

function parseOk(payload: unknown) {
  const result = parseWebhook(JSON.stringify(payload), { receivedAt });
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.webhook;
}

function messagesChange(change: ParsedChange | undefined) {
  if (change?.kind !== "messages") throw new Error(`expected a messages change, got ${change?.kind}`);
  return change;
}

describe("parseWebhook: identity and statuses", () => {
  it("reads wa_id, BSUID and username wherever Meta puts them", () => {
    const message = {
      ...sampleInboundMessage("text", { wamid: "wamid.u" }),
      from_user_id: "US.13491208655302741918",
    };
    delete (message as Record<string, unknown>).from;
    const webhook = parseOk(
      buildMessagesWebhook({
        contacts: [
          {
            waId: "16505551234",
            name: "Ana",
            userId: "US.13491208655302741918",
            username: "@ana",
          },
        ],
        messages: [message],
      }),
    );
    const change = messagesChange(webhook.changes[0]);
    expect(change.contacts).toEqual([
      {
        waId: "16505551234",
        userId: "US.13491208655302741918",
        profileName: "Ana",
        username: "@ana",
      },
    ]);
    expect(change.messages[0]).toMatchObject({
      from: null,
      fromUserId: "US.13491208655302741918",
    });
  });

  it("keeps status strings, errors, pricing and unknown statuses as given", () => {
    const statuses = [
      sampleStatus({ wamid: "wamid.a", status: "read", timestamp: SECONDS }),
      sampleStatus({
        wamid: "wamid.a",
        status: "sent",
        timestamp: SECONDS - 10,
      }),
      sampleStatus({
        wamid: "wamid.b",
        status: "failed",
        timestamp: SECONDS,
        errorCode: 131047,
      }),
      {
        ...sampleStatus({
          wamid: "wamid.c",
          status: "played",
          timestamp: SECONDS,
        }),
        recipient_user_id: "US.1",
      },
      {
        ...sampleStatus({
          wamid: "wamid.d",
          status: "sent",
          timestamp: SECONDS,
        }),
        status: "deleted",
      },
    ];
    const change = messagesChange(parseOk(buildMessagesWebhook({ statuses })).changes[0]);
    expect(change.statuses.map((s) => `${s.wamid}:${s.status}`)).toEqual([
      "wamid.a:read",
      "wamid.a:sent",
      "wamid.b:failed",
      "wamid.c:played",
      "wamid.d:deleted",
    ]);
    const [read, sent, failed, played] = change.statuses;
    expect(read?.pricing).toMatchObject({
      category: "service",
      billable: false,
    });
    expect(sent?.conversation).toMatchObject({
      origin: { type: "service" },
      expiration_timestamp: String(SECONDS - 10 + 86400),
    });
    expect(failed).toMatchObject({
      errorCode: 131047,
      errorTitle: "Re-engagement message",
      pricing: null,
    });
    expect(failed?.errors).toEqual([
      expect.objectContaining({
        error_data: { details: expect.stringContaining("24 hours") },
      }),
    ]);
    expect(played).toMatchObject({
      recipientId: "16505551234",
      recipientUserId: "US.1",
      errorCode: null,
    });
  });
});

describe("parseWebhook: other fields and positions", () => {
  it("passes non-message fields through verbatim, including fields nobody has seen yet", () => {
    const template = sampleTemplateStatusUpdate({
      event: "REJECTED",
      reason: "INVALID_FORMAT",
    });
    const quality = samplePhoneNumberQualityUpdate();
    const webhook = parseOk({
      object: "whatsapp_business_account",
      entry: [
        { id: "1", changes: [{ value: template }] }, // no field: cannot be classified
        ...(buildFieldWebhook("phone_number_quality_update", quality, "2").entry as object[]),
        ...(buildFieldWebhook("teleportation_update", { beam: [1, { up: true }] }, "3").entry as object[]),
      ],
    });
    expect(webhook.changes).toEqual([
      {
        kind: "other",
        position: 1,
        field: "phone_number_quality_update",
        wabaId: "2",
        value: quality,
        echoes: [],
        phoneNumberId: null,
        displayPhoneNumber: null,
      },
      {
        kind: "other",
        position: 2,
        field: "teleportation_update",
        wabaId: "3",
        value: { beam: [1, { up: true }] },
        echoes: [],
        phoneNumberId: null,
        displayPhoneNumber: null,
      },
    ]);
    expect(webhook.problems).toEqual(["entry[0].changes[0]: missing field"]);
  });

  it("numbers changes in document order across entries", () => {
    const one = buildMessagesWebhook({
      messages: [sampleInboundMessage("text", { wamid: "wamid.1" })],
      wabaId: "A",
    });
    const two = buildFieldWebhook("account_update", { event: "VERIFIED_ACCOUNT" }, "B");
    const entries = [...(one.entry as object[]), ...(two.entry as object[])];
    const webhook = parseOk({
      object: "whatsapp_business_account",
      entry: entries,
    });
    expect(webhook.changes.map((c) => [c.position, c.kind, c.wabaId])).toEqual([
      [0, "messages", "A"],
      [1, "other", "B"],
    ]);
  });
});

describe("sample builders", () => {
  it("adds one contact per sender and none for system messages, as Meta does", () => {
    const system = sampleInboundMessage("system");
    expect(buildMessagesWebhook({ messages: [system] }).entry).toEqual([
      expect.objectContaining({
        changes: [
          expect.objectContaining({
            value: expect.not.objectContaining({ contacts: expect.anything() }),
          }),
        ],
      }),
    ]);
    const change = messagesChange(
      parseOk(
        buildMessagesWebhook({
          messages: [sampleInboundMessage("text"), sampleInboundMessage("image", { from: "447700900123" })],
        }),
      ).changes[0],
    );
    expect(change.contacts.map((c) => c.waId)).toEqual(["16505551234", "447700900123"]);
  });

  it("gives failed statuses Meta's documented error details", () => {
    const failed = sampleStatus({
      wamid: "wamid.f",
      status: "failed",
      errorCode: 131026,
    });
    expect(failed).toMatchObject({
      errors: [
        {
          code: 131026,
          title: "Message undeliverable",
          error_data: { details: expect.stringContaining("Unable to deliver") },
        },
      ],
    });
    expect(failed).not.toHaveProperty("pricing");
  });
});
