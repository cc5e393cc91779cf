// What Meta does after accepting a send, as the sandbox does it: signed status webhooks in Meta's
// wire format to the app's callback URL, read receipts when the customer reads, failures on request.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addCustomer, customerReads, customerSends, type SimulatedCustomer } from "@/lib/sandbox/customers";
import { type GraphSandbox, startGraphSandbox } from "@/lib/sandbox/graph-api";
import { createGraphClient } from "@/lib/whatsapp/graph-client";
import { verifySignature } from "@/lib/whatsapp/signature";

const APP_SECRET = "sandbox-test-app-secret";
const TOKEN = "EAAsandboxtoken000000";
type Received = { raw: string; body: any; signedRight: boolean };

let graph: GraphSandbox;
let app: Server;
let received: Received[] = [];
let customer: SimulatedCustomer;

beforeAll(async () => {
  app = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const bytes = Buffer.concat(chunks);
      const signedRight = verifySignature({
        body: bytes,
        header: (request.headers["x-hub-signature-256"] as string | undefined) ?? null,
        appSecret: APP_SECRET,
      });
      received.push({ raw: bytes.toString("utf8"), body: JSON.parse(bytes.toString("utf8")), signedRight });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const port = (app.address() as { port: number }).port;
  graph = await startGraphSandbox();
  graph.tokens.set(TOKEN, "valid");
  graph.webhookTarget = async () => ({
    url: `http://127.0.0.1:${port}/api/webhooks/whatsapp/key`,
    appSecret: APP_SECRET,
  });
});
afterAll(async () => {
  await graph.close();
  await new Promise((resolve) => app.close(resolve));
});
beforeEach(() => {
  received = [];
  customer = addCustomer(graph, {
    waId: `5511${Math.floor(Math.random() * 1e9)}`,
    name: "Zoë Ødegaard",
    phoneNumberId: "106540352242922",
    displayPhoneNumber: "15550783881",
  });
});

const send = (to: string, text = "Your order ships today") =>
  createGraphClient({ baseUrl: graph.url, version: "v26.0", accessToken: TOKEN, timeoutMs: 2_000 }).sendMessage(
    "106540352242922",
    {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to,
      type: "text",
      text: { body: text },
    },
  );

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let tries = 0; tries < 200; tries += 1) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

const statuses = () =>
  received.flatMap((webhook) => webhook.body.entry[0].changes[0].value.statuses ?? []) as {
    id: string;
    status: string;
    recipient_id: string;
    errors?: { code: number; title: string }[];
  }[];

describe("the sandbox's status webhooks", () => {
  it("reports sent, then delivered, for a message to a simulated customer, signed with the App Secret", async () => {
    const result = await send(customer.address);
    if (!result.ok) throw new Error("the send was refused");
    const wamid = result.data.messages[0]!.id;
    await until(() => (statuses().length >= 2 ? true : undefined), "two statuses");
    expect(statuses().map((status) => [status.id, status.status, status.recipient_id])).toEqual([
      [wamid, "sent", customer.address],
      [wamid, "delivered", customer.address],
    ]);
    expect(received.every((webhook) => webhook.signedRight)).toBe(true);
    expect(received[0]!.body.entry[0].changes[0].value.metadata.phone_number_id).toBe("106540352242922");
  });

  it("reports read for everything unread once the customer opens the chat, and only once", async () => {
    const first = await send(customer.address, "one");
    const second = await send(customer.address, "two");
    if (!first.ok || !second.ok) throw new Error("a send was refused");
    await until(() => (statuses().length >= 4 ? true : undefined), "four statuses");
    expect(await customerReads(graph, customer)).toBe(2);
    expect(await customerReads(graph, customer)).toBe(0);
    const reads = statuses().filter((status) => status.status === "read");
    expect(reads.map((status) => status.id).sort()).toEqual(
      [first.data.messages[0]!.id, second.data.messages[0]!.id].sort(),
    );
  });

  it("accepts, then reports failed with Meta's 131026 words when told to fail", async () => {
    graph.rules.push({ recipient: customer.address, times: 1, behaviour: { fail: 131026 } });
    const result = await send(customer.address);
    expect(result.ok).toBe(true);
    const failed = await until(() => statuses().find((status) => status.status === "failed"), "a failed status");
    expect(failed.errors?.[0]).toMatchObject({ code: 131026, title: "Message undeliverable" });
    expect(customer.chat.some((entry) => entry.from === "business")).toBe(false);
  });

  it("posts nothing for a recipient the sandbox does not simulate", async () => {
    const result = await send("5511900000000");
    expect(result.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([]);
  });

  it("sends the customer's message as Meta does: escaped unicode, signed over those bytes", async () => {
    await customerSends(graph, customer, { type: "text", text: { body: "Olá! 1/2 done 📦" } });
    expect(received).toHaveLength(1);
    const { raw, body, signedRight } = received[0]!;
    expect(signedRight).toBe(true);
    expect(raw).toContain("Ol\\u00e1! 1\\/2 done \\ud83d\\udce6");
    expect(raw).toContain("Zo\\u00eb \\u00d8degaard");
    const value = body.entry[0].changes[0].value;
    expect(value.messages[0]).toMatchObject({ from: customer.waId, type: "text", text: { body: "Olá! 1/2 done 📦" } });
    expect(value.contacts[0]).toMatchObject({ wa_id: customer.waId, profile: { name: "Zoë Ødegaard" } });
  });
});
