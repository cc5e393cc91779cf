// Meta's limits as the sandbox enforces them — the 24-hour window (131047 by status webhook), the
// pair rate (131056) and throughput (130429) refused at once, with Meta's words — off where tests
// and benchmarks rely on unlimited sends; and its status webhooks out of order and twice on request.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTROL_PREFIX } from "@/lib/sandbox/control";
import { addCustomer, customerSends, type SimulatedCustomer } from "@/lib/sandbox/customers";
import { DEMO_TEMPLATES, DEMO_WABA_ID } from "@/lib/sandbox/demo";
import { type GraphSandbox, startGraphSandbox } from "@/lib/sandbox/graph-api";
import { createGraphClient } from "@/lib/whatsapp/graph-client";

const TOKEN = "EAAsandboxlimits00000";
const NUMBER = "106540352242922";
type Status = { id: string; status: string; timestamp: string; errors?: { code: number; title: string }[] };

let graph: GraphSandbox;
let app: Server;
let received: Status[] = [];

beforeAll(async () => {
  app = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", () => {
      received.push(...(JSON.parse(raw).entry[0].changes[0].value.statuses ?? []));
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const port = (app.address() as { port: number }).port;
  graph = await startGraphSandbox();
  graph.tokens.set(TOKEN, "valid");
  graph.templates.set(DEMO_WABA_ID, [...DEMO_TEMPLATES]);
  graph.webhookTarget = async () => ({ url: `http://127.0.0.1:${port}/hook`, appSecret: "secret" });
});
afterAll(async () => {
  await graph.close();
  await new Promise((resolve) => app.close(resolve));
});

let customer: SimulatedCustomer;
beforeEach(async () => {
  received = [];
  customer = addCustomer(graph, {
    waId: `5511${Math.floor(Math.random() * 1e9)}`,
    name: "Inês",
    phoneNumberId: NUMBER,
    displayPhoneNumber: "15550783881",
  });
  await settings({
    serviceWindow: true,
    pairRate: null,
    throughputPerSecond: null,
    outOfOrderStatuses: 0,
    duplicateStatuses: 0,
  });
});

const client = () => createGraphClient({ baseUrl: graph.url, version: "v26.0", accessToken: TOKEN, timeoutMs: 2_000 });
const sendText = (to: string, number = NUMBER) =>
  client().sendMessage(number, { messaging_product: "whatsapp", to, type: "text", text: { body: "Hello" } });
const settings = async (body: object) => {
  const response = await fetch(`${graph.url}${CONTROL_PREFIX}/settings`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
};
const failureOf = async (result: Awaited<ReturnType<typeof sendText>>) => {
  if (result.ok) throw new Error("Meta accepted what it should have refused");
  if (result.failure.kind !== "meta") throw new Error(`no Meta error: ${result.failure.kind}`);
  return result.failure;
};

async function until<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let tries = 0; tries < 200; tries += 1) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

describe("the 24-hour customer service window", () => {
  it("accepts free text to a customer who last wrote 25 hours ago, then reports it failed with 131047", async () => {
    await customerSends(graph, customer, { type: "text", text: { body: "hi" } }, Date.now() - 25 * 3_600_000);
    const result = await sendText(customer.address);
    if (!result.ok) throw new Error("Meta answers 131047 by status webhook, not at once");
    const wamid = result.data.messages[0]!.id;
    const failed = await until(() => received.find((status) => status.id === wamid), "a status");
    expect(failed).toMatchObject({ status: "failed", errors: [{ code: 131047, title: "Re-engagement message" }] });
    expect(customer.chat.some((entry) => entry.wamid === wamid)).toBe(false);
  });

  it("lets a template through a closed window, and free text once the customer writes again", async () => {
    await customerSends(graph, customer, { type: "text", text: { body: "hi" } }, Date.now() - 30 * 3_600_000);
    const template = await client().sendMessage(NUMBER, {
      messaging_product: "whatsapp",
      to: customer.address,
      type: "template",
      template: {
        name: "order_update",
        language: { code: "en_US" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: "Inês" },
              { type: "text", text: "#9" },
            ],
          },
        ],
      },
    });
    if (!template.ok) throw new Error("the template was refused");
    await customerSends(graph, customer, { type: "text", text: { body: "Track it" } });
    const text = await sendText(customer.address);
    if (!text.ok) throw new Error("the text was refused");
    const ids = [template.data.messages[0]!.id, text.data.messages[0]!.id];
    await until(() => (received.filter((status) => status.status === "delivered").length >= 2 ? true : undefined), "");
    expect(received.filter((status) => status.status === "failed")).toEqual([]);
    expect(customer.chat.filter((entry) => ids.includes(entry.wamid))).toHaveLength(2);
  });

  it("is not enforced for a customer the stand-in has not seen write since it started", async () => {
    expect((await sendText(customer.address)).ok).toBe(true);
    await until(() => received.find((status) => status.status === "delivered"), "delivered");
  });
});

describe("rates", () => {
  it("are unlimited by default: the tests' and benchmarks' fake accepts a hundred sends to one customer at once", async () => {
    const results = await Promise.all(Array.from({ length: 100 }, () => sendText(customer.address)));
    expect(results.every((result) => result.ok)).toBe(true);
  });

  it("refuses the pair rate (131056) once a customer's burst is spent, with Meta's words; other customers go on", async () => {
    await settings({ pairRate: { intervalMs: 60_000, burst: 3 } });
    for (let index = 0; index < 3; index += 1) expect((await sendText(customer.address)).ok).toBe(true);
    const failure = await failureOf(await sendText(customer.address));
    expect(failure).toMatchObject({
      httpStatus: 400,
      code: 131056,
      message: "(#131056) (Business Account, Consumer Account) pair rate limit hit",
    });
    expect(failure.details).toMatch(/too many messages sent from this phone number to the same phone number/);
    expect((await sendText("5511900000001")).ok).toBe(true);
  });

  it("refuses beyond the number's throughput (130429) within a second; another number is not affected", async () => {
    await settings({ throughputPerSecond: 5 });
    const results = await Promise.all(Array.from({ length: 6 }, (_, index) => sendText(`55119000001${index}`)));
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    const failure = await failureOf(results.find((result) => !result.ok)!);
    expect(failure).toMatchObject({ code: 130429, message: "(#130429) Rate limit hit" });
    expect(failure.details).toBe("Cloud API message throughput has been reached.");
    expect((await sendText("5511900000020", "106540352242999")).ok).toBe(true);
  });

  it("refuses settings it does not know (422)", async () => {
    const response = await fetch(`${graph.url}${CONTROL_PREFIX}/settings`, {
      method: "POST",
      body: JSON.stringify({ throughputPerSecond: -1 }),
    });
    expect(response.status).toBe(422);
  });
});

describe("status webhooks as untidy as Meta's", () => {
  it("are in order and once each by default", async () => {
    const result = await sendText(customer.address);
    if (!result.ok) throw new Error("refused");
    await until(() => (received.length >= 2 ? true : undefined), "two statuses");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.map((status) => status.status)).toEqual(["sent", "delivered"]);
  });

  it("come out of order and twice when asked, each with the timestamp of when it happened", async () => {
    await settings({ outOfOrderStatuses: 1, duplicateStatuses: 1, statusDelayMs: 5 });
    const random = graph.random;
    graph.random = () => 0;
    try {
      const result = await sendText(customer.address);
      if (!result.ok) throw new Error("refused");
      await until(() => (received.length >= 3 ? true : undefined), "three statuses");
    } finally {
      graph.random = random;
      await settings({ statusDelayMs: 0 });
    }
    expect(received.map((status) => status.status)).toEqual(["delivered", "sent", "delivered"]);
    const [delivered, sent, again] = received as [Status, Status, Status];
    expect(Number(sent.timestamp)).toBeLessThanOrEqual(Number(delivered.timestamp));
    expect(again).toEqual(delivered);
    expect(customer.chat.at(-1)!.status).toBe("delivered");
  });
});
