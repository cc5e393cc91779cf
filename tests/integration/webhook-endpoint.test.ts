// The HTTP contract of /api/webhooks/whatsapp/<key> against the real server and database.
import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";
import { signPayload } from "../../lib/whatsapp/signature";
import { startNextServer } from "../support/processes";
import { eventually, postWebhook, uniqueWaId, uniqueWamid, webhookUrl } from "../support/webhooks";

const db = () => getDb();

function textWebhook(text: string, wamid = uniqueWamid(), from = uniqueWaId()) {
  return buildMessagesWebhook({
    contacts: [{ waId: from, name: "Test Customer" }],
    messages: [sampleInboundMessage("text", { wamid, from, text })],
  });
}

async function rawEventsContaining(marker: string) {
  return db().$queryRaw<{ id: bigint; state: string; error: string | null }[]>`
    SELECT id, state::text, error FROM raw_events WHERE position(${Buffer.from(marker)} in body) > 0`;
}

const counter = async (name: string) => (await db().webhookCounter.findUnique({ where: { name } }))?.count ?? 0n;

describe("GET verification handshake", () => {
  const verify = (params: Record<string, string>, key?: string) =>
    fetch(`${webhookUrl(key)}?${new URLSearchParams(params)}`);

  it("echoes the bare challenge when the verify token matches", async () => {
    const response = await verify({
      "hub.mode": "subscribe",
      "hub.verify_token": inject("verifyToken"),
      "hub.challenge": "1158201444",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("1158201444");
  });

  it("answers 403 for a wrong token or mode, 404 for a wrong key", async () => {
    const wrongToken = await verify({ "hub.mode": "subscribe", "hub.verify_token": "nope", "hub.challenge": "1" });
    expect(wrongToken.status).toBe(403);
    expect(await wrongToken.text()).toMatch(/verify token/);
    const wrongMode = await verify({
      "hub.mode": "unsubscribe",
      "hub.verify_token": inject("verifyToken"),
      "hub.challenge": "1",
    });
    expect(wrongMode.status).toBe(403);
    const wrongKey = await verify(
      { "hub.mode": "subscribe", "hub.verify_token": inject("verifyToken"), "hub.challenge": "1" },
      "x".repeat(32),
    );
    expect(wrongKey.status).toBe(404);
  });
});

describe("POST authentication", () => {
  it("stores and processes a correctly signed event, answering 200", async () => {
    const wamid = uniqueWamid();
    const response = await postWebhook(textWebhook("signed hello", wamid));
    expect(response.status).toBe(200);
    const message = await eventually(() => db().message.findUnique({ where: { wamid } }), "the message");
    expect(message.text).toBe("signed hello");
  });

  it("rejects a missing or wrong signature with 401, stores nothing and counts it", async () => {
    const marker = uniqueWamid();
    const missingBefore = await counter("signature_missing");
    const invalidBefore = await counter("signature_invalid");
    const missing = await postWebhook(textWebhook("forged", marker), { signature: null });
    expect(missing.status).toBe(401);
    expect(missing.text).toMatch(/Missing X-Hub-Signature-256/);
    const wrong = await postWebhook(textWebhook("forged", marker), { secret: "the-access-token-by-mistake" });
    expect(wrong.status).toBe(401);
    const garbled = await postWebhook(textWebhook("forged", marker), { signature: "sha256=abc" });
    expect(garbled.status).toBe(401);
    expect(await rawEventsContaining(marker)).toHaveLength(0);
    await eventually(async () => (await counter("signature_missing")) > missingBefore, "missing-signature counter");
    await eventually(
      async () => (await counter("signature_invalid")) >= invalidBefore + 2n,
      "invalid-signature counter",
    );
  });

  it("verifies the raw bytes: escaped unicode signed by Meta is accepted, a re-serialised signature is not", async () => {
    const wamid = uniqueWamid();
    const from = uniqueWaId();
    // Meta escapes non-ASCII and slashes; hashing JSON.stringify(JSON.parse(body)) would differ.
    const raw = `{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Jos\\u00e9 <3"},"wa_id":"${from}"}],"messages":[{"from":"${from}","id":"${wamid}","timestamp":"1764230000","text":{"body":"caf\\u00e9 \\/ \\ud83d\\ude00 @home"},"type":"text"}]},"field":"messages"}]}]}`;
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    const refused = await postWebhook(raw, { signature: signPayload(reserialised, inject("appSecret")) });
    expect(refused.status).toBe(401);
    const accepted = await postWebhook(raw);
    expect(accepted.status).toBe(200);
    const message = await eventually(() => db().message.findUnique({ where: { wamid } }), "the message");
    expect(message.text).toBe("café / 😀 @home");
    const contact = await db().contact.findUnique({ where: { waId: from } });
    expect(contact?.profileName).toBe("José <3");
  });

  it("answers 404 to a wrong key without storing anything", async () => {
    const marker = uniqueWamid();
    const response = await postWebhook(textWebhook("wrong key", marker), { key: "wrong_key_0123456789abcdef" });
    expect(response.status).toBe(404);
    expect(await rawEventsContaining(marker)).toHaveLength(0);
  });
});

describe("POST size limit", () => {
  it("refuses a declared body over 3 MB with 413", async () => {
    const big = JSON.stringify({ object: "whatsapp_business_account", entry: [], pad: "x".repeat(3 * 1024 * 1024) });
    const response = await postWebhook(big);
    expect(response.status).toBe(413);
  });

  it("cuts off a chunked body with no Content-Length once it passes 3 MB", async () => {
    // Its own socket (agent: false). The body is 3 MB and one byte, never ended: only a server that
    // stops at the limit answers. Nothing is written after that byte, so the server's close cannot
    // meet a write still in flight (an EPIPE on a fast machine) or bytes it never read (a reset that
    // loses its answer).
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(webhookUrl(), {
        method: "POST",
        agent: false,
        headers: { "transfer-encoding": "chunked", "x-hub-signature-256": `sha256=${"0".repeat(64)}` },
      });
      request.on("response", (response) => {
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on("error", reject);
      const chunks = [...Array.from({ length: 12 }, () => "x".repeat(256 * 1024)), "x"];
      const pump = () => {
        while (chunks.length > 0) {
          if (!request.write(chunks.shift()!)) return request.once("drain", pump);
        }
      };
      pump();
    });
    expect(status).toBe(413);
  });
});

describe("authentic but unusable bodies", () => {
  it("keeps signed garbage, answers 200 and marks it failed with the reason", async () => {
    const marker = uniqueWamid();
    const response = await postWebhook(`{"object": "whatsapp_business_account", "entry": [ ${marker}`);
    expect(response.status).toBe(200);
    const [event] = await eventually(async () => {
      const rows = await rawEventsContaining(marker);
      return rows[0]?.state === "failed" ? rows : null;
    }, "the failed event");
    expect(event?.error).toMatch(/not valid JSON/);
  });

  it("keeps a signed body of the wrong shape and names what is wrong", async () => {
    const marker = uniqueWamid();
    const response = await postWebhook({ object: "page", entry: [{ id: marker, messaging: [] }] });
    expect(response.status).toBe(200);
    const [event] = await eventually(async () => {
      const rows = await rawEventsContaining(marker);
      return rows[0]?.state === "failed" ? rows : null;
    }, "the failed event");
    expect(event?.error).toMatch(/object/);
  });
});

describe("database unreachable", () => {
  it("answers 503 so that Meta retries, never a 200 for an unstored event", async () => {
    const server = await startNextServer({
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere",
      WHATSAPP_APP_SECRET: inject("appSecret"),
      WHATSAPP_WEBHOOK_KEY: inject("webhookKey"),
      WHATSAPP_VERIFY_TOKEN: inject("verifyToken"),
      RECOVERY_LOOP: "off",
    });
    try {
      const response = await postWebhook(textWebhook("while the database is down"), { baseUrl: server.url });
      expect(response.status).toBe(503);
      expect(response.text).toMatch(/retry/i);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200); // the process survived
    } finally {
      await server.stop();
    }
  });
});
