// The sandbox's status webhooks as untidy as Meta's — delivered before sent, a status twice, read
// twice — reach the real server signed, and the message still ends on the right tick.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { ensureContact } from "../../lib/db/contacts";
import { ensureConversation } from "../../lib/db/conversations";
import { ensurePhoneNumber } from "../../lib/db/phone-numbers";
import { addCustomer, customerReads } from "../../lib/sandbox/customers";
import { type GraphSandbox, startGraphSandbox } from "../../lib/sandbox/graph-api";
import { createGraphClient } from "../../lib/whatsapp/graph-client";
import { recordOutboundMessage } from "../support/record-outbound-message";
import { eventually, uniqueWaId, webhookUrl } from "../support/webhooks";

const TOKEN = "EAAsandboxstatuses000";
const NUMBER = { phoneNumberId: "106540352242922", displayPhoneNumber: "15550783881" };
let graph: GraphSandbox;
let proxy: Server;
/** What the stand-in posted, in arrival order, and what the server answered. */
const arrivals: { wamid: string; status: string; answer: number }[] = [];

beforeAll(async () => {
  // Between the stand-in and the server: records each delivery's statuses, passes the bytes on as they are.
  proxy = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const raw = Buffer.concat(chunks);
      const answer = await fetch(webhookUrl(), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": String(request.headers["x-hub-signature-256"]),
        },
        body: raw,
      });
      const statuses = JSON.parse(raw.toString()).entry[0].changes[0].value.statuses ?? [];
      for (const status of statuses) arrivals.push({ wamid: status.id, status: status.status, answer: answer.status });
      response.writeHead(answer.status).end();
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  graph = await startGraphSandbox();
  graph.tokens.set(TOKEN, "valid");
  graph.webhookTarget = async () => ({
    url: `http://127.0.0.1:${(proxy.address() as { port: number }).port}/`,
    appSecret: inject("appSecret"),
  });
  // Always out of order, always twice: the dice are loaded.
  graph.statusQuirks = { outOfOrder: 1, duplicate: 1 };
  graph.random = () => 0;
});
afterAll(async () => {
  await graph.close();
  await new Promise((resolve) => proxy.close(resolve));
});

const statusOf = async (wamid: string) => (await getDb().message.findUnique({ where: { wamid } }))?.status;

describe("the sandbox's untidy statuses", () => {
  it("delivered before sent and each twice: the tick ends on delivered, then read", async () => {
    const db = getDb();
    const waId = uniqueWaId();
    const phoneNumberId = await ensurePhoneNumber({ db, ...NUMBER, wabaId: null });
    const contactId = await ensureContact({
      db,
      identity: { waId, userId: null, profileName: "Quinn", username: null },
    });
    const conversation = await ensureConversation({ db, contactId, phoneNumberId });
    const customer = addCustomer(graph, { waId, name: "Quinn", ...NUMBER });

    const sent = await createGraphClient({ baseUrl: graph.url, version: "v26.0", accessToken: TOKEN }).sendMessage(
      NUMBER.phoneNumberId,
      { messaging_product: "whatsapp", to: waId, type: "text", text: { body: "On its way" } },
    );
    if (!sent.ok) throw new Error("the stand-in refused the send");
    const wamid = sent.data.messages[0]!.id;
    await recordOutboundMessage({
      conversationId: conversation.id,
      wamid,
      type: "text",
      text: "On its way",
      content: { body: "On its way" },
      sentAt: new Date(),
    });

    await eventually(async () => arrivals.filter((arrival) => arrival.wamid === wamid).length >= 3, "three statuses");
    await eventually(async () => (await statusOf(wamid)) === "delivered", "the delivered tick");
    expect(arrivals.filter((arrival) => arrival.wamid === wamid).map((arrival) => arrival.status)).toEqual([
      "delivered",
      "sent",
      "delivered",
    ]);
    expect(arrivals.every((arrival) => arrival.answer === 200)).toBe(true);
    // The late `sent` and the second `delivered` were applied (or absorbed) without moving the tick back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await statusOf(wamid)).toBe("delivered");

    expect(await customerReads(graph, customer)).toBe(1);
    await eventually(async () => arrivals.filter((arrival) => arrival.status === "read").length >= 2, "read twice");
    await eventually(async () => (await statusOf(wamid)) === "read", "the read tick");
  });
});
