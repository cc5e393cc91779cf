// Findings of the hardening review, each checked end to end over HTTP: big ids keep their digits,
// a customer's new number continues their conversation, and Meta's per-number errors are shown.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import type { WebhookHealth } from "../../lib/views/health";
import { accountEventKey, legacyAccountEventKey } from "../../lib/ingest/account-event-key";
import {
  buildFieldWebhook,
  buildMessagesWebhook,
  SAMPLE_WABA_ID,
  sampleInboundMessage,
  sampleTemplateStatusUpdate,
} from "../../lib/whatsapp/sample-payloads";
import { signInBootstrapAdmin } from "../support/accounts";
import type { HttpSession } from "../support/http-session";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";

const db = () => getDb();
const stored = (wamid: string) => eventually(() => db().message.findUnique({ where: { wamid } }), `message ${wamid}`);

/** 19 digits, above 2^53: a double would round the last ones away. */
const bigId = () => `9${String(Date.now()).slice(-13)}${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`;

/** The body as Meta sends it: the id a bare JSON number (JSON.stringify cannot write one this big). */
function templateBody(id: string, name: string) {
  const value = { ...sampleTemplateStatusUpdate({ name }), message_template_id: 0 };
  return JSON.stringify(buildFieldWebhook("message_template_status_update", value)).replace(
    '"message_template_id":0',
    `"message_template_id":${id}`,
  );
}

const templateEvents = (name: string) =>
  db().accountEvent.findMany({
    where: { field: "message_template_status_update", value: { path: ["message_template_name"], equals: name } },
  });

describe("numeric ids above 2^53", () => {
  it("stores message_template_id with every digit", async () => {
    const id = bigId();
    const name = `tpl_${id}`;
    expect((await postWebhook(templateBody(id, name))).status).toBe(200);
    const [event] = await eventually(async () => {
      const events = await templateEvents(name);
      return events.length > 0 ? events : null;
    }, "the account event");
    expect((event!.value as { message_template_id: unknown }).message_template_id).toBe(id);
  });

  it("corrects an event stored with rounded digits instead of storing it twice", async () => {
    const id = bigId();
    const name = `tpl_${id}`;
    const value = { ...sampleTemplateStatusUpdate({ name }), message_template_id: id };
    const change = { field: "message_template_status_update", wabaId: SAMPLE_WABA_ID, value, bigIntegers: [id] };
    // As the parser stored it before: the id rounded to a double, keyed on that.
    await db().accountEvent.create({
      data: {
        dedupeKey: legacyAccountEventKey(change)!,
        rawEventId: 0n,
        field: change.field,
        wabaId: change.wabaId,
        value: { ...value, message_template_id: Number(id) },
      },
    });
    expect((await postWebhook(templateBody(id, name))).status).toBe(200);
    await eventually(
      async () => (await db().accountEvent.count({ where: { dedupeKey: accountEventKey(change) } })) === 1,
      "the corrected event",
    );
    const events = await templateEvents(name);
    expect(events).toHaveLength(1);
    expect((events[0]!.value as { message_template_id: unknown }).message_template_id).toBe(id);
  });
});

describe("a customer who changes number", () => {
  it("continues the same conversation from the new number", async () => {
    const oldNumber = uniqueWaId();
    const newNumber = uniqueWaId();
    const first = uniqueWamid();
    await postWebhook(
      buildMessagesWebhook({
        contacts: [{ waId: oldNumber, name: "Ana" }],
        messages: [sampleInboundMessage("text", { from: oldNumber, wamid: first, timestamp: 1764230000 })],
      }),
    );
    const conversationId = (await stored(first)).conversationId;

    const note = uniqueWamid();
    const system = sampleInboundMessage("system", {
      from: oldNumber,
      wamid: note,
      timestamp: 1764230100,
      text: `User Ana changed from ${oldNumber} to ${newNumber}`,
    }) as { system: Record<string, unknown> };
    system.system.wa_id = newNumber;
    await postWebhook(buildMessagesWebhook({ contacts: [], messages: [system] }));
    expect((await stored(note)).conversationId).toBe(conversationId);
    await eventually(
      async () => (await db().contact.findUnique({ where: { waId: newNumber } }))?.profileName === "Ana",
      "the contact on its new number",
    );

    const next = uniqueWamid();
    await postWebhook(
      buildMessagesWebhook({
        contacts: [{ waId: newNumber, name: "Ana" }],
        messages: [sampleInboundMessage("text", { from: newNumber, wamid: next, timestamp: 1764230200 })],
      }),
    );
    expect((await stored(next)).conversationId).toBe(conversationId);
  });
});

describe("a customer who wrote from the new number before Meta's note of the change", () => {
  it("becomes one contact with one conversation holding both numbers' messages", async () => {
    const oldNumber = uniqueWaId();
    const newNumber = uniqueWaId();
    const first = uniqueWamid();
    await postWebhook(
      buildMessagesWebhook({
        contacts: [{ waId: oldNumber, name: "Bea" }],
        messages: [sampleInboundMessage("text", { from: oldNumber, wamid: first, timestamp: 1764230000 })],
      }),
    );
    const kept = await stored(first);
    const early = uniqueWamid();
    await postWebhook(
      buildMessagesWebhook({
        contacts: [{ waId: newNumber, name: "Bea (new phone)" }],
        messages: [sampleInboundMessage("text", { from: newNumber, wamid: early, timestamp: 1764230050 })],
      }),
    );
    const folded = (await stored(early)).conversationId;
    expect(folded).not.toBe(kept.conversationId);

    const note = uniqueWamid();
    const system = sampleInboundMessage("system", {
      from: oldNumber,
      wamid: note,
      timestamp: 1764230100,
      text: `User Bea changed from ${oldNumber} to ${newNumber}`,
    }) as { system: Record<string, unknown> };
    system.system.wa_id = newNumber;
    await postWebhook(buildMessagesWebhook({ contacts: [], messages: [system] }));

    await eventually(
      async () => (await db().conversation.findUnique({ where: { id: folded } })) === null,
      "the new number's conversation folded into the old one",
    );
    const conversation = await db().conversation.findUniqueOrThrow({
      where: { id: kept.conversationId },
      include: { contact: true, messages: { orderBy: { timestamp: "asc" }, select: { wamid: true } } },
    });
    expect(conversation.messages.map((message) => message.wamid)).toEqual([first, early, note]);
    expect(conversation.contact.waId).toBe(newNumber);
    expect(conversation.contact.profileName).toBe("Bea (new phone)");
    expect(await db().contact.count({ where: { waId: { in: [oldNumber, newNumber] } } })).toBe(1);

    const next = uniqueWamid();
    await postWebhook(
      buildMessagesWebhook({
        contacts: [{ waId: newNumber, name: "Bea" }],
        messages: [sampleInboundMessage("text", { from: newNumber, wamid: next, timestamp: 1764230200 })],
      }),
    );
    expect((await stored(next)).conversationId).toBe(kept.conversationId);
  });
});

describe("errors Meta reports for a whole number", () => {
  let admin: HttpSession;
  beforeAll(async () => {
    admin = await signInBootstrapAdmin();
  });

  it("are kept once and shown on the webhook health page", async () => {
    const phoneNumberId = `77${Date.now()}`;
    const body = buildMessagesWebhook({ phoneNumberId, contacts: [], messages: [] }) as {
      entry: { changes: { value: Record<string, unknown> }[] }[];
    };
    body.entry[0]!.changes[0]!.value.errors = [
      {
        code: 130429,
        title: "Rate limit hit",
        message: "Rate limit hit",
        error_data: { details: "Cloud API message throughput has been reached." },
      },
    ];
    expect((await postWebhook(body)).status).toBe(200);
    expect((await postWebhook(body)).status).toBe(200); // Meta's retry
    const health = await eventually(async () => {
      const response = await admin.request("/api/webhook-health");
      const json = (await response.json()) as WebhookHealth;
      return json.numberErrors.some((error) => error.phoneNumberId === phoneNumberId) ? json : null;
    }, "the error on the health page");
    const shown = health.numberErrors.filter((error) => error.phoneNumberId === phoneNumberId);
    expect(shown).toEqual([
      expect.objectContaining({
        code: 130429,
        title: "Rate limit hit",
        details: "Cloud API message throughput has been reached.",
      }),
    ]);
    const page = await admin.request("/settings/health");
    expect(await page.text()).toContain("Cloud API message throughput has been reached.");
  });
});

describe("raw event storage", () => {
  const rawEvents = (marker: string) =>
    db().$queryRaw<{ id: bigint }[]>`SELECT id FROM raw_events WHERE position(${Buffer.from(marker)} in body) > 0`;

  it("stores identical bodies once and counts the copies as duplicates", async () => {
    const from = uniqueWaId();
    const wamid = uniqueWamid();
    const raw = JSON.stringify(
      buildMessagesWebhook({
        contacts: [{ waId: from, name: "D" }],
        messages: [sampleInboundMessage("text", { from, wamid })],
      }),
    );
    const duplicates = async () =>
      Number((await db().webhookCounter.findUnique({ where: { name: "duplicate_deliveries" } }))?.count ?? 0);
    expect((await postWebhook(raw)).status).toBe(200);
    await stored(wamid);
    const before = await duplicates();
    const answers = await Promise.all(Array.from({ length: 10 }, () => postWebhook(raw)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(await rawEvents(wamid)).toHaveLength(1);
    await eventually(async () => (await duplicates()) >= before + 10, "the duplicates counted");
    expect(await db().message.count({ where: { wamid } })).toBe(1);
  });

  it("prunes processed events past the retention, keeps failed and recent ones", async () => {
    const { pruneRawEvents } = await import("../../lib/ingest/prune-raw-events");
    const marker = uniqueWamid();
    const old = new Date(Date.now() - 31 * 86_400_000);
    const rows: [string, string, Date][] = [
      ["processed-old", "processed", old],
      ["failed-old", "failed", old],
      ["processed-recent", "processed", new Date()],
    ];
    for (const [name, state, receivedAt] of rows) {
      await db().$executeRaw`
        INSERT INTO raw_events (body, state, received_at)
        VALUES (${Buffer.from(`${marker}:${name}`)}, ${state}::raw_event_state, ${receivedAt})`;
    }
    for (let pass = 0; pass < 100 && (await rawEvents(`${marker}:processed-old`)).length > 0; pass++) {
      await pruneRawEvents();
    }
    expect(await rawEvents(`${marker}:processed-old`)).toHaveLength(0);
    expect(await rawEvents(`${marker}:failed-old`)).toHaveLength(1);
    expect(await rawEvents(`${marker}:processed-recent`)).toHaveLength(1);
  });
});
