// The sandbox's control API, as the customer simulator uses it: a phone shows the business's
// template rendered with its quick-reply buttons; tapping one sends Meta's "button" message pointing
// at the template; bad input is refused with a reason.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTROL_PREFIX } from "@/lib/sandbox/control";
import { DEMO_TEMPLATES, DEMO_WABA_ID } from "@/lib/sandbox/demo";
import { type GraphSandbox, startGraphSandbox } from "@/lib/sandbox/graph-api";
import type { SandboxCustomerView } from "@/lib/views/sandbox";
import { createGraphClient } from "@/lib/whatsapp/graph-client";

const TOKEN = "EAAsandboxcontrol0000";
let graph: GraphSandbox;
let app: Server;
const received: any[] = [];

beforeAll(async () => {
  app = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", () => {
      received.push(JSON.parse(raw));
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

const control = (path: string, body?: unknown) =>
  fetch(`${graph.url}${CONTROL_PREFIX}${path}`, {
    method: body === undefined ? "GET" : "POST",
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe("the sandbox's control API", () => {
  it("shows a template on the phone with its buttons, and a tap answers it as Meta's button message", async () => {
    const customer = {
      waId: "5511955550001",
      name: "Bia",
      phoneNumberId: "1234567",
      displayPhoneNumber: "15550100001",
    };
    expect((await control("/customers", customer)).status).toBe(201);
    const sent = await createGraphClient({ baseUrl: graph.url, version: "v26.0", accessToken: TOKEN }).sendMessage(
      "1234567",
      {
        messaging_product: "whatsapp",
        to: customer.waId,
        type: "template",
        template: {
          name: "order_update",
          language: { code: "en_US" },
          components: [
            {
              type: "body",
              parameters: [
                { type: "text", text: "Bia" },
                { type: "text", text: "#77" },
              ],
            },
          ],
        },
      },
    );
    if (!sent.ok) throw new Error("the template was refused");
    const wamid = sent.data.messages[0]!.id;

    const phones = (await (await control("/customers")).json()) as SandboxCustomerView[];
    const item = phones.find((phone) => phone.address === customer.waId)!.chat[0]!;
    expect(item).toMatchObject({
      from: "business",
      type: "template",
      header: "Your order",
      text: "Hi Bia, your order #77 is on its way.",
      footer: "Demo Shop",
      buttons: [
        { text: "Track it", payload: "Track it", tappable: true },
        { text: "Talk to us", payload: "Talk to us", tappable: true },
      ],
    });

    received.length = 0;
    const tap = await control(`/customers/${customer.waId}/messages`, {
      type: "button",
      messageId: wamid,
      text: "Track it",
      payload: "Track it",
    });
    expect(tap.status).toBe(201);
    // (Status webhooks of the template may arrive around it.)
    const message = received.flatMap((webhook) => webhook.entry[0].changes[0].value.messages ?? [])[0];
    expect(message).toMatchObject({
      from: customer.waId,
      type: "button",
      button: { text: "Track it", payload: "Track it" },
      context: { id: wamid, from: customer.displayPhoneNumber },
    });
  });

  it("shows a list's rows to tap, answers a tap as Meta's list_reply, and refuses a list of 11 rows", async () => {
    const customer = {
      waId: "5511955550003",
      name: "Davi",
      phoneNumberId: "1234567",
      displayPhoneNumber: "15550100001",
    };
    expect((await control("/customers", customer)).status).toBe(201);
    const client = createGraphClient({ baseUrl: graph.url, version: "v26.0", accessToken: TOKEN });
    const list = (rows: number) => ({
      messaging_product: "whatsapp",
      to: customer.waId,
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: "Which size?" },
        action: {
          button: "Sizes",
          sections: [
            {
              title: "Sizes",
              rows: Array.from({ length: rows }, (_, index) => ({ id: `size-${index}`, title: `Size ${index}` })),
            },
          ],
        },
      },
    });
    expect((await client.sendMessage("1234567", list(11))).ok).toBe(false);
    const sent = await client.sendMessage("1234567", list(3));
    if (!sent.ok) throw new Error("the list was refused");
    const wamid = sent.data.messages[0]!.id;
    const phones = (await (await control("/customers")).json()) as SandboxCustomerView[];
    const item = phones.find((phone) => phone.address === customer.waId)!.chat.at(-1)!;
    expect(item).toMatchObject({
      type: "interactive",
      text: "Which size?",
      buttons: [
        { text: "Size 0", payload: "size-0", tappable: true },
        { text: "Size 1", payload: "size-1", tappable: true },
        { text: "Size 2", payload: "size-2", tappable: true },
      ],
    });

    received.length = 0;
    const tap = await control(`/customers/${customer.waId}/messages`, {
      type: "button",
      messageId: wamid,
      text: "Size 1",
      payload: "size-1",
    });
    expect(tap.status).toBe(201);
    const message = received.flatMap((webhook) => webhook.entry[0].changes[0].value.messages ?? [])[0];
    expect(message).toMatchObject({
      type: "interactive",
      interactive: { type: "list_reply", list_reply: { id: "size-1", title: "Size 1" } },
      context: { id: wamid },
    });
  });

  it("shows a preview card for a text's link only when the business asked for one", async () => {
    const customer = {
      waId: "5511955550004",
      name: "Eva",
      phoneNumberId: "1234567",
      displayPhoneNumber: "15550100001",
    };
    expect((await control("/customers", customer)).status).toBe(201);
    const client = createGraphClient({ baseUrl: graph.url, version: "v26.0", accessToken: TOKEN });
    for (const preview_url of [true, false]) {
      const body = "Track it at https://shop.example.com/track/77 today";
      const sent = await client.sendMessage("1234567", {
        messaging_product: "whatsapp",
        to: customer.waId,
        type: "text",
        text: { body, preview_url },
      });
      expect(sent.ok).toBe(true);
    }
    const phones = (await (await control("/customers")).json()) as SandboxCustomerView[];
    const [withPreview, without] = phones.find((phone) => phone.address === customer.waId)!.chat;
    expect(withPreview!.link).toEqual({ url: "https://shop.example.com/track/77", host: "shop.example.com" });
    expect(without!.link).toBeNull();
  });

  it("refuses an unknown customer (404) and an empty message (422)", async () => {
    expect((await control("/customers/5511000000000/messages", { type: "text", text: "hi" })).status).toBe(404);
    await control("/customers", {
      waId: "5511955550002",
      name: "Caio",
      phoneNumberId: "1",
      displayPhoneNumber: "15550100001",
    });
    const empty = await control("/customers/5511955550002/messages", { type: "text", text: "  " });
    expect(empty.status).toBe(422);
  });
});
