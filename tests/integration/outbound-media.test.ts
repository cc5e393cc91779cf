// Outbound media: an agent's file is stored, recorded as a media message and queued; the send
// worker uploads it to Meta (multipart) and sends it by the id Meta gave, never by link. Files
// WhatsApp would refuse, and a closed window, are refused before anything is queued.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import type { ThreadMessage } from "../../lib/views/inbox";
import { buildMessagesWebhook } from "../../lib/whatsapp/sample-payloads";
import { sampleInboundMessage } from "../../lib/whatsapp/sample-messages";
import { signedIn } from "../support/accounts";
import { createFreshDatabase, type FreshDatabase } from "../support/databases";
import { type GraphSandbox, startGraphSandbox } from "@/lib/sandbox/graph-api";
import { HttpSession } from "../support/http-session";
import { type RunningServer, startNextServer } from "../support/processes";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";
import { appServerEnv } from "../support/app-env";

const TOKEN = `token-${randomBytes(6).toString("hex")}`;
const PHONE_NUMBER_ID = "106540352242933";

let database: FreshDatabase;
let db: PrismaClient;
let graph: GraphSandbox;
let server: RunningServer;
let admin: HttpSession;
let dataDir: string;
const secret = `secret-${randomBytes(8).toString("hex")}`;
const key = `outmedia_key_${randomBytes(10).toString("hex")}`;

beforeAll(async () => {
  database = await createFreshDatabase();
  db = createPrismaClient(database.url, 3);
  graph = await startGraphSandbox();
  graph.tokens.set(TOKEN, "valid");
  dataDir = await mkdtemp(join(tmpdir(), "inbox-outmedia-"));
  const account = { email: `outmedia-${randomBytes(4).toString("hex")}@example.com`, password: "outmedia-admin-pw-1" };
  server = await startNextServer({
    ...appServerEnv({
      databaseUrl: database.url,
      graphUrl: graph.url,
      appSecret: secret,
      webhookKey: key,
      verifyToken: "outmedia-verify",
      admin: account,
    }),
    DATA_DIR: dataDir,
    WHATSAPP_ACCESS_TOKEN: TOKEN,
    WORKERS: "0",
    WORKER_POLL_MS: "200",
  });
  admin = await signedIn(account.email, account.password, new HttpSession({ baseUrl: server.url }));
});

afterAll(async () => {
  await server?.stop();
  await graph?.close();
  await db?.$disconnect();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function customerWrites() {
  const waId = uniqueWaId();
  const wamid = uniqueWamid();
  const body = buildMessagesWebhook({
    phoneNumberId: PHONE_NUMBER_ID,
    contacts: [{ waId, name: "Media Customer" }],
    messages: [sampleInboundMessage("text", { from: waId, wamid, text: "Can you send me the invoice?" })],
  });
  expect((await postWebhook(body, { secret, key, baseUrl: server.url })).status).toBe(200);
  const stored = await eventually(() => db.message.findUnique({ where: { wamid } }), "the customer's message");
  return { conversationId: stored.conversationId, waId };
}

function upload(
  conversationId: string,
  {
    bytes,
    type,
    fileName,
    caption,
    clientId = randomUUID(),
    contentLength,
  }: {
    bytes: Buffer;
    type: string;
    fileName?: string;
    caption?: string;
    clientId?: string;
    contentLength?: number;
  },
) {
  return admin.request(`/api/conversations/${conversationId}/media`, {
    method: "POST",
    body: new Uint8Array(bytes),
    headers: {
      "content-type": type,
      "x-client-id": clientId,
      ...(contentLength !== undefined ? { "content-length": String(contentLength) } : {}),
      ...(fileName ? { "x-file-name": encodeURIComponent(fileName) } : {}),
      ...(caption ? { "x-caption": encodeURIComponent(caption) } : {}),
    },
  });
}

const pdf = (size = 4_000) =>
  Buffer.concat([Buffer.from("%PDF-1.4\n% outbound media test\n"), randomBytes(size), Buffer.from("\n%%EOF\n")]);

const queuedSends = async (conversationId: string) =>
  db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM outbound_sends WHERE conversation_id = ${conversationId}`;

describe("an agent sends a file", () => {
  it("records a PDF at once, uploads it to Meta, then sends the document by that id with its file name", async () => {
    const customer = await customerWrites();
    const bytes = pdf();
    const response = await upload(customer.conversationId, {
      bytes,
      type: "application/pdf",
      fileName: "Facture n°42.pdf",
      caption: "Your invoice",
    });
    expect(response.status).toBe(201);
    const { message } = (await response.json()) as { message: ThreadMessage };
    expect(message.type).toBe("document");
    expect(message.sendState === "queued" || message.sendState === "sending" || message.sendState === "sent").toBe(
      true,
    );
    // The bubble's file comes from our own store, immediately.
    expect(message.media?.state).toBe("stored");
    expect(message.media?.url).toBe(`/api/media/${message.id}`);
    const served = await admin.request(message.media!.url!);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(served.headers.get("content-disposition")).toContain("attachment");
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);

    const sent = await eventually(
      async () => graph.sent.find((entry) => entry.body.to === customer.waId) ?? null,
      "the document send",
    );
    const uploaded = graph.uploads.find(
      (entry) =>
        createHash("sha256").update(entry.bytes).digest("hex") === createHash("sha256").update(bytes).digest("hex"),
    );
    expect(uploaded).toBeDefined();
    expect(uploaded).toMatchObject({
      phoneNumberId: PHONE_NUMBER_ID,
      type: "application/pdf",
      messagingProduct: "whatsapp",
      fileType: "application/pdf",
      filename: "Facture n°42.pdf",
    });
    // The upload came first, then the documented body naming its id — never a link.
    const uploadRequest = graph.requests.findIndex((request) => request.path.endsWith(`/${PHONE_NUMBER_ID}/media`));
    const sendRequest = graph.requests.findIndex(
      (request) => request.path.endsWith("/messages") && (request.body as { to?: string })?.to === customer.waId,
    );
    expect(uploadRequest).toBeGreaterThanOrEqual(0);
    expect(uploadRequest).toBeLessThan(sendRequest);
    expect(sent.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: customer.waId,
      type: "document",
      document: { id: uploaded!.id, caption: "Your invoice", filename: "Facture n°42.pdf" },
    });
    const stored = await eventually(
      () => db.message.findFirst({ where: { id: message.id, wamid: { not: null } } }),
      "the accepted message",
    );
    expect(stored.wamid).toBe(sent.wamid);
    expect(stored.status).toBe("sent");
  });

  it("sends a photo as an image by id, and the same clientId again is the same message", async () => {
    const customer = await customerWrites();
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2_000)]);
    const clientId = randomUUID();
    const first = await upload(customer.conversationId, { bytes, type: "image/jpeg", caption: "Here", clientId });
    expect(first.status).toBe(201);
    const again = await upload(customer.conversationId, { bytes, type: "image/jpeg", caption: "Here", clientId });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { message: ThreadMessage }).message.id).toBe(
      ((await first.json()) as { message: ThreadMessage }).message.id,
    );
    const sent = await eventually(
      async () => graph.sent.find((entry) => entry.body.to === customer.waId) ?? null,
      "the image send",
    );
    expect(sent.body.type).toBe("image");
    const image = sent.body.image as { id: string; caption: string };
    expect(image.caption).toBe("Here");
    expect(graph.uploads.some((entry) => entry.id === image.id && entry.fileType === "image/jpeg")).toBe(true);
    expect(graph.sent.filter((entry) => entry.body.to === customer.waId)).toHaveLength(1);
  });

  it("refuses a file over Meta's limit with 413 and a type WhatsApp cannot send with 415, queuing nothing", async () => {
    const customer = await customerWrites();
    const big = await upload(customer.conversationId, {
      bytes: Buffer.alloc(5 * 1024 * 1024 + 1, 1),
      type: "image/png",
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toBe(
      "This PNG image is 5 MB (5,242,881 bytes); WhatsApp accepts at most 5 MB (5,242,880 bytes) for a PNG image.",
    );
    const sticker = await upload(customer.conversationId, { bytes: Buffer.alloc(600 * 1024, 1), type: "image/webp" });
    expect(sticker.status).toBe(413);
    expect(((await sticker.json()) as { error: { message: string } }).error.message).toContain("at most 500 KB");
    const svg = await upload(customer.conversationId, { bytes: Buffer.from("<svg/>"), type: "image/svg+xml" });
    expect(svg.status).toBe(415);
    expect(((await svg.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringContaining("WhatsApp cannot send files of type image/svg+xml"),
    });
    const audioCaption = await upload(customer.conversationId, {
      bytes: randomBytes(1_000),
      type: "audio/ogg",
      caption: "listen",
    });
    expect(audioCaption.status).toBe(422);
    expect(((await audioCaption.json()) as { error: { message: string } }).error.message).toContain("no caption");
    expect(Number((await queuedSends(customer.conversationId))[0]!.n)).toBe(0);
    expect(await db.message.count({ where: { conversationId: customer.conversationId, direction: "outbound" } })).toBe(
      0,
    );
  });

  it("names the first upload again when Meta refuses the send for throughput (130429) and it goes again", async () => {
    const customer = await customerWrites();
    graph.rules.push({
      recipient: customer.waId,
      times: 1,
      behaviour: { error: { status: 400, code: 130429, type: "OAuthException", message: "(#130429) Rate limit hit" } },
    });
    const bytes = pdf();
    const response = await upload(customer.conversationId, { bytes, type: "application/pdf", fileName: "twice.pdf" });
    expect(response.status).toBe(201);
    const { message } = (await response.json()) as { message: ThreadMessage };
    await eventually(
      () => db.message.findFirst({ where: { id: message.id, sendState: "sent" } }),
      "the document sent after the pause",
    );
    const sha = createHash("sha256").update(bytes).digest("hex");
    const uploads = graph.uploads.filter((entry) => createHash("sha256").update(entry.bytes).digest("hex") === sha);
    expect(uploads).toHaveLength(1);
    const attempts = graph.requests.filter(
      (request) => request.path.endsWith("/messages") && (request.body as { to?: string })?.to === customer.waId,
    );
    expect(attempts).toHaveLength(2);
    expect(attempts.map((request) => (request.body as { document: { id: string } }).document.id)).toEqual([
      uploads[0]!.id,
      uploads[0]!.id,
    ]);
  });

  it("refuses with 422 window_closed when the customer last wrote more than 24 hours ago", async () => {
    const customer = await customerWrites();
    await db.$executeRaw`UPDATE conversations SET last_inbound_at = now() - interval '25 hours'
                         WHERE id = ${customer.conversationId}`;
    const response = await upload(customer.conversationId, {
      bytes: pdf(),
      type: "application/pdf",
      fileName: "a.pdf",
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("window_closed");
    expect(body.error.message).toContain("24-hour customer service window closed");
    expect(Number((await queuedSends(customer.conversationId))[0]!.n)).toBe(0);
  });
});
