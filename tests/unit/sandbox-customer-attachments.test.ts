// The simulated customer attaches: a photo, a document and a voice note reach the app as Meta's
// inbound media messages whose ids the app's own Graph client resolves and downloads (with the
// token, from the URL Meta hands out), byte for byte; a location and a contact card arrive in Meta's
// wire format; what WhatsApp would not send is refused with a reason.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTROL_PREFIX } from "@/lib/sandbox/control";
import { type GraphSandbox, startGraphSandbox } from "@/lib/sandbox/graph-api";
import type { SandboxCustomerView } from "@/lib/views/sandbox";
import { createGraphClient } from "@/lib/whatsapp/graph-client";
import { gradientPng } from "../support/png";

const TOKEN = "EAAsandboxattachments00";
const CUSTOMER = { waId: "5511955550101", name: "Bia", phoneNumberId: "1234567", displayPhoneNumber: "15550100001" };
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
  graph.webhookTarget = async () => ({ url: `http://127.0.0.1:${port}/hook`, appSecret: "secret" });
  await control("/customers", CUSTOMER);
});
afterAll(async () => {
  await graph.close();
  await new Promise((resolve) => app.close(resolve));
});
beforeEach(() => {
  received.length = 0;
});

function control(path: string, body?: unknown) {
  return fetch(`${graph.url}${CONTROL_PREFIX}${path}`, {
    method: body === undefined ? "GET" : "POST",
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function customerSends(action: Record<string, unknown>): Promise<Record<string, any>> {
  const response = await control(`/customers/${CUSTOMER.waId}/messages`, action);
  expect(response.status).toBe(201);
  const { wamid } = (await response.json()) as { wamid: string };
  const value = received[0].entry[0].changes[0].value;
  expect(value.metadata.phone_number_id).toBe(CUSTOMER.phoneNumberId);
  expect(value.contacts).toEqual([{ profile: { name: "Bia" }, wa_id: CUSTOMER.waId }]);
  expect(value.messages[0]).toMatchObject({
    from: CUSTOMER.waId,
    id: wamid,
    timestamp: expect.stringMatching(/^\d+$/),
  });
  return value.messages[0];
}

/** What the app's media download does: GET /{media-id} with the token, then the URL it names. */
async function appDownloads(mediaId: string) {
  const client = createGraphClient({ baseUrl: graph.url, version: "v26.0", accessToken: TOKEN });
  const meta = await client.getMedia(mediaId);
  if (!meta.ok) throw new Error(`GET /${mediaId} failed`);
  const file = await client.downloadMedia(meta.data.url, { maxBytes: 10_000_000 });
  if (!file.ok) throw new Error("the download failed");
  return { meta: meta.data, bytes: file.bytes };
}

const base64 = (bytes: Buffer) => bytes.toString("base64");
const sha256 = (bytes: Buffer, encoding: "hex" | "base64") => createHash("sha256").update(bytes).digest(encoding);

describe("the simulated customer's attachments", () => {
  it("a photo arrives as Meta's image message, and the app downloads the same bytes", async () => {
    const png = gradientPng();
    const message = await customerSends({
      type: "media",
      kind: "image",
      mimeType: "image/png",
      filename: "box.png",
      caption: "The box arrived crushed",
      base64: base64(png),
    });
    expect(message).toMatchObject({
      type: "image",
      image: { caption: "The box arrived crushed", mime_type: "image/png", sha256: sha256(png, "base64") },
    });
    expect(message.image.id).toMatch(/^\d{16}$/);
    const { meta, bytes } = await appDownloads(message.image.id);
    expect(meta).toMatchObject({ mime_type: "image/png", sha256: sha256(png, "hex"), file_size: png.length });
    expect(bytes.equals(png)).toBe(true);
    // Without the token, Meta's URL answers 401.
    expect((await fetch(meta.url)).status).toBe(401);
  });

  it("a document keeps its file name; a voice note is OGG/Opus with voice: true", async () => {
    const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
    const document = await customerSends({
      type: "media",
      kind: "document",
      mimeType: "application/pdf",
      filename: "Invoice 4711.pdf",
      base64: base64(pdf),
    });
    expect(document).toMatchObject({
      type: "document",
      document: { filename: "Invoice 4711.pdf", mime_type: "application/pdf", sha256: sha256(pdf, "base64") },
    });
    expect(document.document).not.toHaveProperty("caption");
    expect((await appDownloads(document.document.id)).bytes.equals(pdf)).toBe(true);

    received.length = 0;
    const ogg = Buffer.from("OggS\0\x02voice note");
    const voice = await customerSends({
      type: "media",
      kind: "voice",
      mimeType: "audio/ogg",
      filename: "note.ogg",
      base64: base64(ogg),
    });
    expect(voice).toMatchObject({ type: "audio", audio: { mime_type: "audio/ogg; codecs=opus", voice: true } });
    const { meta, bytes } = await appDownloads(voice.audio.id);
    expect(meta.mime_type).toBe("audio/ogg; codecs=opus");
    expect(bytes.equals(ogg)).toBe(true);
  });

  it("a location and a contact card arrive in Meta's format, and the phone shows them", async () => {
    const location = await customerSends({
      type: "location",
      latitude: -23.561414,
      longitude: -46.655881,
      name: "MASP",
      address: "Av. Paulista, 1578",
    });
    expect(location).toMatchObject({
      type: "location",
      location: { latitude: -23.561414, longitude: -46.655881, name: "MASP", address: "Av. Paulista, 1578" },
    });

    received.length = 0;
    const card = await customerSends({ type: "contacts", name: "Rita de Souza", phone: "+55 11 98765-4321" });
    expect(card).toEqual(
      expect.objectContaining({
        type: "contacts",
        contacts: [
          {
            name: { formatted_name: "Rita de Souza", first_name: "Rita", last_name: "de Souza" },
            phones: [{ phone: "+55 11 98765-4321", wa_id: "5511987654321", type: "CELL" }],
          },
        ],
      }),
    );

    const phones = (await (await control("/customers")).json()) as SandboxCustomerView[];
    const items = phones
      .find((phone) => phone.address === CUSTOMER.waId)!
      .chat.map((item) => ({ attachment: item.attachment, text: item.text }));
    expect(items).toEqual([
      { attachment: "image", text: "The box arrived crushed" },
      { attachment: "document", text: "Invoice 4711.pdf" },
      { attachment: "voice", text: "Voice note" },
      { attachment: "location", text: "MASP" },
      { attachment: "contacts", text: "Rita de Souza" },
    ]);
  });

  it("refuses what WhatsApp would not send, with a reason (422), and sends nothing", async () => {
    const refused = async (action: Record<string, unknown>, reason: RegExp) => {
      const response = await control(`/customers/${CUSTOMER.waId}/messages`, action);
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: string }).error).toMatch(reason);
    };
    const pdf = base64(Buffer.from("%PDF-1.4"));
    await refused(
      { type: "media", kind: "image", mimeType: "application/pdf", filename: "a.pdf", base64: pdf },
      /JPEG or PNG/,
    );
    await refused(
      { type: "media", kind: "voice", mimeType: "audio/mpeg", filename: "a.mp3", base64: pdf },
      /OGG \(Opus\)/,
    );
    await refused(
      {
        type: "media",
        kind: "document",
        mimeType: "application/pdf",
        filename: "big.pdf",
        base64: "A".repeat(7_200_000),
      },
      /up to 5 MB/,
    );
    await refused({ type: "location", latitude: 91, longitude: 0 }, /90/);
    await refused({ type: "contacts", name: "Rita", phone: "call me" }, /phone number/);
    expect(received).toEqual([]);
  });
});
