// Meta retries for up to 7 days and fans retries out to every subscribed app: duplicates are
// normal. However they arrive, one message, contact, conversation and status row results.
import { describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { buildMessagesWebhook, sampleInboundMessage, sampleStatus } from "../../lib/whatsapp/sample-payloads";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";

const db = () => getDb();

function textBody(from: string, wamid: string) {
  return buildMessagesWebhook({
    contacts: [{ waId: from, name: "Dup Tester" }],
    messages: [sampleInboundMessage("text", { from, wamid, text: "only once please" })],
  });
}

const settled = async (wamid: string) => {
  await eventually(() => db().message.findUnique({ where: { wamid } }), "the message");
  // Wait until every copy's raw event is processed, so a late duplicate could not still slip in.
  await eventually(async () => (await db().rawEvent.count({ where: { state: "pending" } })) === 0, "an empty backlog");
  // Every copy was applied cleanly: a duplicate is a no-op, not a caught unique-violation error.
  const copies = await db().$queryRaw<{ state: string; error: string | null }[]>`
    SELECT state::text, error FROM raw_events WHERE position(${Buffer.from(wamid)} in body) > 0`;
  expect(copies.length).toBeGreaterThan(0);
  expect(copies.every((copy) => copy.state === "processed" && copy.error === null)).toBe(true);
};

describe("duplicate deliveries", () => {
  it("stores a message delivered twice with identical bytes once", async () => {
    const from = uniqueWaId();
    const wamid = uniqueWamid();
    const raw = JSON.stringify(textBody(from, wamid));
    expect((await postWebhook(raw)).status).toBe(200);
    expect((await postWebhook(raw)).status).toBe(200);
    await settled(wamid);
    expect(await db().message.count({ where: { wamid } })).toBe(1);
  });

  it("stores a re-serialised retry (other whitespace and key order) once", async () => {
    const from = uniqueWaId();
    const wamid = uniqueWamid();
    const body = textBody(from, wamid);
    await postWebhook(JSON.stringify(body));
    await postWebhook(JSON.stringify(body, null, 2));
    await settled(wamid);
    expect(await db().message.count({ where: { wamid } })).toBe(1);
  });

  it("collapses 20 parallel copies into one message, one contact and one conversation", async () => {
    const from = uniqueWaId();
    const wamid = uniqueWamid();
    const raw = JSON.stringify(textBody(from, wamid));
    const responses = await Promise.all(Array.from({ length: 20 }, () => postWebhook(raw)));
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    await settled(wamid);
    expect(await db().message.count({ where: { wamid } })).toBe(1);
    expect(await db().contact.count({ where: { waId: from } })).toBe(1);
    const contact = await db().contact.findUniqueOrThrow({ where: { waId: from } });
    expect(await db().conversation.count({ where: { contactId: contact.id } })).toBe(1);
  });

  it("collapses a first message from a new customer sent in parallel with different wamids into one conversation", async () => {
    const from = uniqueWaId();
    const wamids = Array.from({ length: 10 }, () => uniqueWamid());
    await Promise.all(wamids.map((wamid) => postWebhook(textBody(from, wamid))));
    for (const wamid of wamids) await settled(wamid);
    const contact = await db().contact.findUniqueOrThrow({ where: { waId: from } });
    const conversations = await db().conversation.findMany({ where: { contactId: contact.id } });
    expect(conversations).toHaveLength(1);
    expect(await db().message.count({ where: { conversationId: conversations[0]!.id } })).toBe(10);
  });

  it("stores the same message repeated inside one payload once", async () => {
    const from = uniqueWaId();
    const wamid = uniqueWamid();
    const message = sampleInboundMessage("text", { from, wamid });
    await postWebhook(
      buildMessagesWebhook({ contacts: [{ waId: from, name: "X" }], messages: [message, message, message] }),
    );
    await settled(wamid);
    expect(await db().message.count({ where: { wamid } })).toBe(1);
  });

  it("stores a repeated status webhook once", async () => {
    const wamid = uniqueWamid();
    const status = sampleStatus({ wamid, status: "delivered", timestamp: 1764230000 });
    const raw = JSON.stringify(buildMessagesWebhook({ statuses: [status] }));
    await Promise.all(Array.from({ length: 5 }, () => postWebhook(raw)));
    await postWebhook(JSON.stringify(buildMessagesWebhook({ statuses: [status, status] }), null, 1));
    await eventually(
      async () => (await db().rawEvent.count({ where: { state: "pending" } })) === 0,
      "an empty backlog",
    );
    expect(await db().statusEvent.count({ where: { wamid } })).toBe(1);
  });
});
