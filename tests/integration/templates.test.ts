// Message templates end to end: synced from the fake Graph API (paged, several WABAs), moved by the
// three template webhooks (and by ones stored before templates were built), enabled by admins only,
// sent through the real pipeline — outside the window too — with Meta's documented `components`,
// refused when not approved or badly filled, 132000 explained, and new conversations by number.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { buildFieldWebhook, buildMessagesWebhook, sampleStatus } from "../../lib/whatsapp/sample-payloads";
import { sampleInboundMessage } from "../../lib/whatsapp/sample-messages";
import { createTestUser, signedIn } from "../support/accounts";
import { createFreshDatabase, type FreshDatabase } from "../support/databases";
import { type GraphSandbox, type SandboxTemplate, startGraphSandbox } from "@/lib/sandbox/graph-api";
import { HttpSession } from "../support/http-session";
import { type RunningServer, type RunningWorker, startNextServer, startWorker } from "../support/processes";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";
import { appServerEnv } from "../support/app-env";

const TOKEN = `token-${randomBytes(6).toString("hex")}`;
const WABA_A = "310000000000001";
const WABA_B = "310000000000002";
const WABA_GONE = "310000000000009";
const NUMBER_A = "106540352240001";
const NUMBER_B = "106540352240002";
const NUMBER_GONE = "106540352240009";

let database: FreshDatabase;
let db: PrismaClient;
let graph: GraphSandbox;
let server: RunningServer;
let worker: RunningWorker;
let admin: HttpSession;
let agent: HttpSession;
const secret = `secret-${randomBytes(8).toString("hex")}`;
const key = `tpl_key_${randomBytes(10).toString("hex")}`;

const orderUpdate: SandboxTemplate = {
  id: "1689556908129001",
  name: "order_update",
  language: "en_US",
  status: "APPROVED",
  category: "UTILITY",
  parameter_format: "NAMED",
  components: [
    { type: "HEADER", format: "TEXT", text: "Order {{order_id}}", example: { header_text: ["A-1"] } },
    {
      type: "BODY",
      text: "Hi {{first_name}}, your order ships on {{date}}.",
      example: {
        body_text_named_params: [
          { param_name: "first_name", example: "Anna" },
          { param_name: "date", example: "Monday" },
        ],
      },
    },
    { type: "FOOTER", text: "Reply STOP to opt out" },
    {
      type: "BUTTONS",
      buttons: [
        {
          type: "URL",
          text: "Track",
          url: "https://shop.example/track/{{1}}",
          example: ["https://shop.example/track/A-1"],
        },
        { type: "COPY_CODE", example: "SAVE10" },
        { type: "QUICK_REPLY", text: "Talk to us" },
      ],
    },
  ],
};
const positional = (name: string, status: SandboxTemplate["status"], body = "Hello {{1}}!"): SandboxTemplate => ({
  id: `1689556908${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
  name,
  language: "en_US",
  status,
  category: "MARKETING",
  parameter_format: "POSITIONAL",
  components: [{ type: "BODY", text: body, example: { body_text: [["Anna"]] } }],
  ...(status === "REJECTED" ? { rejected_reason: "INVALID_FORMAT" } : {}),
});

beforeAll(async () => {
  database = await createFreshDatabase();
  db = createPrismaClient(database.url, 3);
  graph = await startGraphSandbox();
  graph.tokens.set(TOKEN, "valid");
  graph.templatePageSize = 2;
  graph.templates.set(WABA_A, [
    orderUpdate,
    positional("welcome", "APPROVED"),
    positional("promo_pending", "PENDING"),
    positional("promo_rejected", "REJECTED"),
    positional("two_params", "APPROVED", "Hello {{1}}, see you {{2}}"),
    {
      ...positional("new_arrivals", "APPROVED", "New in store, {{1}}!"),
      components: [
        { type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW1hZ2U="] } },
        { type: "BODY", text: "New in store, {{1}}!", example: { body_text: [["Anna"]] } },
      ],
    },
  ]);
  graph.templates.set(WABA_B, [positional("other_number", "APPROVED")]);
  const adminAccount = { email: `tpl-admin-${randomBytes(4).toString("hex")}@example.com`, password: "tpl-admin-pw-1" };
  const env = {
    ...appServerEnv({
      databaseUrl: database.url,
      graphUrl: graph.url,
      appSecret: secret,
      webhookKey: key,
      verifyToken: "tpl-verify",
      admin: adminAccount,
    }),
    WHATSAPP_ACCESS_TOKEN: TOKEN,
    SEND_TIMEOUT_MS: "1500",
    WORKER_POLL_MS: "250",
  };
  server = await startNextServer({ ...env, SEND_WORKER: "off" });
  worker = startWorker(env);
  admin = await signedIn(adminAccount.email, adminAccount.password, new HttpSession({ baseUrl: server.url }));
  const agentUser = await createTestUser(admin, { role: "agent" });
  agent = await signedIn(agentUser.email, agentUser.password, new HttpSession({ baseUrl: server.url }));
  // Our numbers and their WABAs become known from the first webhook naming them.
  await customerWrites({ number: NUMBER_A, wabaId: WABA_A });
  await customerWrites({ number: NUMBER_B, wabaId: WABA_B });
  await customerWrites({ number: NUMBER_GONE, wabaId: WABA_GONE });
});

afterAll(async () => {
  await worker?.stop();
  await server?.stop();
  await graph?.close();
  await db?.$disconnect();
  await database?.drop();
});

/** A customer writes on one of our numbers (optionally long ago: the window is then closed). */
async function customerWrites({
  number = NUMBER_A,
  wabaId = WABA_A,
  hoursAgo = 0,
}: { number?: string; wabaId?: string; hoursAgo?: number } = {}) {
  const wamid = uniqueWamid();
  const waId = uniqueWaId();
  const message = sampleInboundMessage("text", {
    from: waId,
    wamid,
    text: "Hello?",
    timestamp: Math.floor(Date.now() / 1000) - hoursAgo * 3600,
  });
  const body = buildMessagesWebhook({
    wabaId,
    phoneNumberId: number,
    contacts: [{ waId, name: "Anna Customer" }],
    messages: [message],
  });
  expect((await postWebhook(body, { secret, key, baseUrl: server.url })).status).toBe(200);
  const stored = await eventually(() => db.message.findUnique({ where: { wamid } }), "the customer's message");
  return { conversationId: stored.conversationId, waId };
}

async function sync(session = admin) {
  const response = await session.request("/api/templates/sync", { method: "POST" });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function templateRow(name: string, wabaId = WABA_A) {
  return db.template.findUniqueOrThrow({ where: { wabaId_name_language: { wabaId, name, language: "en_US" } } });
}

async function enable(name: string) {
  const row = await templateRow(name);
  const response = await admin.request(`/api/templates/${row.id}`, { method: "PATCH", json: { agentUsable: true } });
  expect(response.status, server.output().slice(-3000)).toBe(200);
  return row;
}

async function sendTemplate(conversationId: string, templateId: string, values: Record<string, string>) {
  const response = await agent.request(`/api/conversations/${conversationId}/messages`, {
    method: "POST",
    json: { clientId: randomUUID(), type: "template", templateId, values },
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      message: { id: string; body: Record<string, unknown>; sendState: string };
      error?: { code: string; message: string };
    },
  };
}

const orderValues = {
  "header.order_id": "A-77",
  "body.first_name": "Anna",
  "body.date": "Monday",
  "button.0": "A-77",
  "button.1": "SAVE10",
  "button.2": "TALK",
};

describe("syncing templates from Meta", () => {
  it("reads every page of every WABA's templates, and agents may not sync or enable them", async () => {
    const before = graph.requests.length;
    const { status, body } = await sync();
    expect(status).toBe(200);
    expect(body.accounts).toEqual(
      expect.arrayContaining([
        { wabaId: WABA_A, templates: 6, error: null },
        { wabaId: WABA_B, templates: 1, error: null },
        expect.objectContaining({ wabaId: WABA_GONE, templates: 0, error: expect.stringContaining("100") }),
      ]),
    );
    const pages = graph.requests
      .slice(before)
      .filter((request) => request.path === `/v26.0/${WABA_A}/message_templates`);
    expect(pages).toHaveLength(3); // 6 templates, 2 per page: paging.next followed to the end
    expect((await templateRow("promo_rejected")).reason).toBe("INVALID_FORMAT");
    expect(await templateRow("order_update")).toMatchObject({ status: "APPROVED", parameterFormat: "NAMED" });
    expect((await templateRow("other_number", WABA_B)).status).toBe("APPROVED");

    expect((await sync(agent)).status).toBe(403);
    const row = await templateRow("welcome");
    const patch = await agent.request(`/api/templates/${row.id}`, { method: "PATCH", json: { agentUsable: true } });
    expect(patch.status).toBe(403);
    expect((await templateRow("welcome")).agentUsable).toBe(false);
  });

  it("shows agents only the templates an admin enabled, with what stops one from being sent", async () => {
    await sync();
    await enable("welcome");
    await enable("promo_pending");
    const response = await agent.request("/api/templates");
    const { templates } = (await response.json()) as {
      templates: { name: string; status: string; unavailableReason: string | null }[];
    };
    expect(templates.map((template) => template.name).sort()).toEqual(["promo_pending", "welcome"]);
    expect(templates.find((template) => template.name === "welcome")?.unavailableReason).toBeNull();
    expect(templates.find((template) => template.name === "promo_pending")?.unavailableReason).toMatch(/PENDING/);
    const welcome = await templateRow("welcome");
    expect(
      await db.auditLog.findFirst({ where: { action: "template.usable_changed", target: `template:${welcome.id}` } }),
    ).toMatchObject({ targetLabel: "welcome (en_US)", detail: "enabled" });
  });
});

describe("template webhooks", () => {
  const post = async (field: string, value: object, wabaId = WABA_A) =>
    expect(
      (await postWebhook(buildFieldWebhook(field, value, wabaId), { secret, key, baseUrl: server.url })).status,
    ).toBe(200);

  it("applies status, category and quality updates", async () => {
    await sync();
    await post("message_template_status_update", {
      event: "PAUSED",
      message_template_id: 1689556908129001,
      message_template_name: "order_update",
      message_template_language: "en_US",
      reason: "NONE",
      other_info: {
        title: "FIRST_PAUSE",
        description: "Your template has been paused for 3 hours due to low quality.",
      },
    });
    await eventually(async () => (await templateRow("order_update")).status === "PAUSED", "the template paused");
    expect((await templateRow("order_update")).reason).toMatch(/paused for 3 hours/);

    await post("template_category_update", {
      message_template_id: 1689556908129001,
      message_template_name: "order_update",
      message_template_language: "en_US",
      previous_category: "UTILITY",
      new_category: "MARKETING",
    });
    await eventually(async () => (await templateRow("order_update")).category === "MARKETING", "re-categorised");

    await post("message_template_quality_update", {
      previous_quality_score: "GREEN",
      new_quality_score: "YELLOW",
      message_template_id: 1689556908129001,
      message_template_name: "order_update",
      message_template_language: "en_US",
    });
    await eventually(async () => (await templateRow("order_update")).quality === "YELLOW", "quality moved");

    await post("message_template_status_update", {
      event: "REINSTATED",
      message_template_id: 1689556908129001,
      message_template_name: "order_update",
      message_template_language: "en_US",
      reason: "NONE",
    });
    await eventually(async () => (await templateRow("order_update")).status === "APPROVED", "reinstated");
  });

  it("applies events stored before templates existed, once, and never moves a template backwards", async () => {
    // As an older version stored them: account events only, nothing applied.
    const rawEvent = await db.rawEvent.create({ data: { body: Buffer.from("{}"), state: "processed" } });
    const stored = (event: string, minutesAgo: number) => ({
      dedupeKey: `legacy-${randomBytes(6).toString("hex")}`,
      rawEventId: rawEvent.id,
      field: "message_template_status_update",
      wabaId: WABA_GONE,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
      value: {
        event,
        message_template_id: "99999999999999999999",
        message_template_name: "legacy_notice",
        message_template_language: "de",
        reason: event === "REJECTED" ? "TAG_CONTENT_MISMATCH" : "NONE",
      },
    });
    await db.accountEvent.createMany({ data: [stored("REJECTED", 10), stored("APPROVED", 20)] });
    await sync(); // WABA_GONE cannot be listed: the stored events still apply
    const row = await db.template.findUniqueOrThrow({
      where: { wabaId_name_language: { wabaId: WABA_GONE, name: "legacy_notice", language: "de" } },
    });
    expect(row).toMatchObject({ status: "REJECTED", reason: "TAG_CONTENT_MISMATCH", metaId: "99999999999999999999" });

    // An older event applied later changes nothing; applying everything again changes nothing.
    await db.accountEvent.createMany({ data: [stored("APPROVED", 30)] });
    await sync();
    await sync();
    const again = await db.template.findUniqueOrThrow({ where: { id: row.id } });
    expect(again).toMatchObject({ status: "REJECTED", statusAt: row.statusAt });
  });
});

describe("sending a template", () => {
  it("goes out when the window is closed — with Meta's documented components — while free text is refused", async () => {
    await sync();
    const template = await enable("order_update");
    const customer = await customerWrites({ hoursAgo: 30 });
    const text = await agent.request(`/api/conversations/${customer.conversationId}/messages`, {
      method: "POST",
      json: { clientId: randomUUID(), type: "text", text: "Hi!" },
    });
    expect(text.status).toBe(422);
    expect(((await text.json()) as { error: { code: string } }).error.code).toBe("window_closed");

    const { status, body } = await sendTemplate(customer.conversationId, template.id, orderValues);
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.message.body).toMatchObject({
      kind: "template",
      name: "order_update",
      header: "Order A-77",
      body: "Hi Anna, your order ships on Monday.",
      footer: "Reply STOP to opt out",
    });
    const sent = await eventually(
      async () => graph.sent.find((entry) => entry.body.to === customer.waId),
      "the template at the fake Graph API",
    );
    expect(sent.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: customer.waId,
      type: "template",
      template: {
        name: "order_update",
        language: { code: "en_US" },
        components: [
          { type: "header", parameters: [{ type: "text", parameter_name: "order_id", text: "A-77" }] },
          {
            type: "body",
            parameters: [
              { type: "text", parameter_name: "first_name", text: "Anna" },
              { type: "text", parameter_name: "date", text: "Monday" },
            ],
          },
          { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "A-77" }] },
          {
            type: "button",
            sub_type: "copy_code",
            index: "1",
            parameters: [{ type: "coupon_code", coupon_code: "SAVE10" }],
          },
          { type: "button", sub_type: "quick_reply", index: "2", parameters: [{ type: "payload", payload: "TALK" }] },
        ],
      },
    });
    await eventually(async () => (await db.message.findUnique({ where: { id: body.message.id } }))?.wamid, "✓");

    // The customer taps the quick reply: the thread says which template it answers.
    const wamid = (await db.message.findUniqueOrThrow({ where: { id: body.message.id } })).wamid!;
    const tap = uniqueWamid();
    await postWebhook(
      buildMessagesWebhook({
        wabaId: WABA_A,
        phoneNumberId: NUMBER_A,
        contacts: [{ waId: customer.waId, name: "Anna Customer" }],
        messages: [
          sampleInboundMessage("button", { from: customer.waId, wamid: tap, text: "Talk to us", contextWamid: wamid }),
        ],
      }),
      { secret, key, baseUrl: server.url },
    );
    await eventually(() => db.message.findUnique({ where: { wamid: tap } }), "the tap");
    const thread = (await (await agent.request(`/api/conversations/${customer.conversationId}/messages`)).json()) as {
      messages: { wamid: string; replyTo: { templateName?: string | null } | null; body: { kind: string } }[];
    };
    const answer = thread.messages.find((message) => message.wamid === tap)!;
    expect(answer.body.kind).toBe("button");
    expect(answer.replyTo?.templateName).toBe("order_update");

    // A status webhook moves the tick as for any message.
    await postWebhook(
      buildMessagesWebhook({
        wabaId: WABA_A,
        phoneNumberId: NUMBER_A,
        statuses: [sampleStatus({ wamid, status: "delivered", recipientId: customer.waId })],
      }),
      { secret, key, baseUrl: server.url },
    );
    await eventually(
      async () => (await db.message.findUnique({ where: { id: body.message.id } }))?.status === "delivered",
      "✓✓",
    );
  });

  it("sends an image header: the file uploaded to us first, to Meta by the worker, named by its id in the header", async () => {
    await sync();
    const template = await enable("new_arrivals");
    const customer = await customerWrites({ hoursAgo: 30 });
    const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), randomBytes(3_000)]);
    const upload = async (bytes: Buffer, type: string, name: string) =>
      agent.request("/api/media/uploads", {
        method: "POST",
        body: new Uint8Array(bytes),
        headers: { "content-type": type, "x-file-name": encodeURIComponent(name) },
      });

    // What a template header cannot show is refused before it is stored.
    expect((await upload(randomBytes(100), "audio/ogg", "voice.ogg")).status).toBe(415);
    const uploaded = await upload(png, "image/png", "Spring collection.png");
    expect(uploaded.status).toBe(201);
    const { upload: file } = (await uploaded.json()) as {
      upload: { sha256: string; mimeType: string; filename: string };
    };
    expect(file).toMatchObject({ mimeType: "image/png", filename: "Spring collection.png" });

    const send = (headerMedia: unknown) =>
      agent.request(`/api/conversations/${customer.conversationId}/messages`, {
        method: "POST",
        json: {
          clientId: randomUUID(),
          type: "template",
          templateId: template.id,
          values: { "body.1": "Anna" },
          headerMedia,
        },
      });
    // Without the file, or naming one this app never stored, or the wrong kind: 422 saying so, nothing queued.
    const missing = await send(null);
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(
      /header is an image: attach one/,
    );
    const unknown = await send({ ...file, sha256: "0".repeat(64) });
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/not in this app's store/);
    const pdfUpload = await upload(Buffer.from("%PDF-1.4 test"), "application/pdf", "a.pdf");
    const pdf = ((await pdfUpload.json()) as { upload: unknown }).upload;
    const wrongKind = await send(pdf);
    expect(((await wrongKind.json()) as { error: { message: string } }).error.message).toMatch(
      /an image, not a document/,
    );
    expect(graph.sent.some((entry) => entry.body.to === customer.waId)).toBe(false);

    const sent = await send(file);
    expect(sent.status).toBe(201);
    const { message } = (await sent.json()) as { message: { id: string; media: { url: string | null } | null } };
    // The bubble shows the image from our store at once, like an attachment.
    expect(message.media?.url).toBe(`/api/media/${message.id}`);
    const delivered = await eventually(
      async () => graph.sent.find((entry) => entry.body.to === customer.waId),
      "the template at the fake Graph API",
    );
    const metaUpload = graph.uploads.find((entry) => Buffer.compare(entry.bytes, png) === 0);
    expect(metaUpload).toBeDefined();
    expect((delivered.body.template as { components: unknown[] }).components).toEqual([
      { type: "header", parameters: [{ type: "image", image: { id: metaUpload!.id } }] },
      { type: "body", parameters: [{ type: "text", text: "Anna" }] },
    ]);
    const served = await agent.request(`/api/media/${message.id}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it("refuses templates that are not approved or not enabled, and missing or over-long values, before queueing", async () => {
    await sync();
    const customer = await customerWrites();
    const pending = await templateRow("promo_pending");
    const refused = await sendTemplate(customer.conversationId, pending.id, { "body.1": "Anna" });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.message).toMatch(/^template_not_approved: .*PENDING/);

    const disabled = await templateRow("promo_rejected");
    await db.template.update({ where: { id: disabled.id }, data: { status: "APPROVED", statusAt: new Date() } });
    const notUsable = await sendTemplate(customer.conversationId, disabled.id, { "body.1": "Anna" });
    expect(notUsable.body.error?.message).toMatch(/^template_not_usable: /);

    const welcome = await enable("welcome");
    const missing = await sendTemplate(customer.conversationId, welcome.id, {});
    expect(missing.status).toBe(422);
    expect(missing.body.error?.message).toMatch(/Body \{\{1\}\} is required/);
    const long = await sendTemplate(customer.conversationId, welcome.id, { "body.1": "x".repeat(1_025) });
    expect(long.body.error?.message).toMatch(/longer than 1024 characters/);
    const newline = await sendTemplate(customer.conversationId, welcome.id, { "body.1": "two\nlines" });
    expect(newline.body.error?.message).toMatch(/new lines/);
    const other = await templateRow("other_number", WABA_B);
    const wrongNumber = await sendTemplate(customer.conversationId, other.id, { "body.1": "Anna" });
    expect(wrongNumber.body.error?.message).toMatch(/^template_not_found/);
    expect(await db.message.count({ where: { conversationId: customer.conversationId, direction: "outbound" } })).toBe(
      0,
    );
  });

  it("explains Meta's 132000 when the template changed at Meta since the sync", async () => {
    await sync();
    const template = await enable("two_params");
    // Edited in WhatsApp Manager after our sync: one parameter fewer.
    const listed = graph.templates.get(WABA_A)!;
    const index = listed.findIndex((entry) => entry.name === "two_params");
    listed[index] = { ...listed[index]!, components: [{ type: "BODY", text: "Hello {{1}}" }] };
    const customer = await customerWrites();
    const { body } = await sendTemplate(customer.conversationId, template.id, { "body.1": "Anna", "body.2": "soon" });
    const failed = await eventually(async () => {
      const response = await agent.request(`/api/conversations/${customer.conversationId}/messages`);
      const page = (await response.json()) as {
        messages: { id: string; sendState: string; sendError: { code: number; advice: string; details: string } }[];
      };
      const message = page.messages.find((entry) => entry.id === body.message.id);
      return message?.sendState === "failed" ? message : null;
    }, "the failed send");
    expect(failed.sendError.code).toBe(132000);
    expect(failed.sendError.details).toMatch(/number of localizable_params \(2\)/);
    expect(failed.sendError.advice).toMatch(/number of parameters does not match/i);
  });

  it("fails a queued template Meta paused meanwhile, instead of sending it", async () => {
    await sync();
    const template = await enable("welcome");
    const customer = await customerWrites();
    // Everything to this customer waits behind a hanging request, so the template stays queued.
    graph.rules.push({ recipient: customer.waId, times: 1, behaviour: { hang: true } });
    await agent.request(`/api/conversations/${customer.conversationId}/messages`, {
      method: "POST",
      json: { clientId: randomUUID(), type: "text", text: "One moment" },
    });
    const { body } = await sendTemplate(customer.conversationId, template.id, { "body.1": "Anna" });
    await postWebhook(
      buildFieldWebhook(
        "message_template_status_update",
        {
          event: "DISABLED",
          message_template_id: 1,
          message_template_name: "welcome",
          message_template_language: "en_US",
          reason: "LOW_QUALITY",
        },
        WABA_A,
      ),
      { secret, key, baseUrl: server.url },
    );
    await eventually(async () => (await templateRow("welcome")).status === "DISABLED", "the template disabled");
    const message = await eventually(async () => {
      const row = await db.message.findUnique({ where: { id: body.message.id } });
      return row?.sendState === "failed" ? row : null;
    }, "the queued template failed");
    expect(message.sendErrorTitle).toMatch(/“welcome” \(en_US\) is DISABLED \(LOW_QUALITY\)/);
    expect(
      graph.sent.filter((entry) => entry.body.to === customer.waId && entry.body.type === "template"),
    ).toHaveLength(0);
  });
});

describe("starting a conversation", () => {
  it("refuses a badly formed number with a clear 422 and normalises a good one to E.164", async () => {
    await sync();
    const template = await enable("welcome");
    const numberA = await db.phoneNumber.findUniqueOrThrow({ where: { phoneNumberId: NUMBER_A } });
    const start = (to: string) =>
      agent.request("/api/conversations", {
        method: "POST",
        json: {
          clientId: randomUUID(),
          phoneNumberId: numberA.id,
          to,
          templateId: template.id,
          values: { "body.1": "Bo" },
        },
      });
    const bad = await start("+49 1234");
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /not a valid phone number.*international format/,
    );

    const good = await start("0044 7911 123456");
    expect(good.status).toBe(201);
    const { conversationId } = (await good.json()) as { conversationId: string };
    const conversation = await db.conversation.findUniqueOrThrow({
      where: { id: conversationId },
      include: { contact: true },
    });
    expect(conversation.contact.waId).toBe("447911123456");
    await eventually(
      async () => graph.sent.find((entry) => entry.body.to === "447911123456" && entry.body.type === "template"),
      "the first template to the new customer",
    );
    // The same number written differently reaches the same conversation.
    const again = await start("+44 7911 123456");
    expect(((await again.json()) as { conversationId: string }).conversationId).toBe(conversationId);
  });
});
