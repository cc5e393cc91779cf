// A hung database (here: a proxy that stops passing bytes, as a SIGSTOPped Postgres does) must not
// hold Meta's deliveries: the ack answers 503 within the store timeout, logs the outage once, and
// stores again as soon as the database answers.
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";
import { freePort, type RunningServer, startNextServer } from "../support/processes";
import { postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";

/** Forwards TCP to Postgres; while frozen, bytes wait (nothing is lost), like a stopped process. */
async function startFreezableProxy(target: URL) {
  let frozen = false;
  const held: (() => void)[] = [];
  const forward = (from: Socket, to: Socket) =>
    from.on("data", (chunk) => (frozen ? held.push(() => to.write(chunk)) : to.write(chunk)));
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port || 5432) });
    forward(client, upstream);
    forward(upstream, client);
    const close = () => (client.destroy(), upstream.destroy());
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    freeze: () => (frozen = true),
    thaw: () => {
      frozen = false;
      held.splice(0).forEach((write) => write());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function textBody() {
  const from = uniqueWaId();
  return buildMessagesWebhook({
    contacts: [{ waId: from, name: "T" }],
    messages: [sampleInboundMessage("text", { from, wamid: uniqueWamid() })],
  });
}

let proxy: Awaited<ReturnType<typeof startFreezableProxy>>;
let server: RunningServer;
beforeAll(async () => {
  proxy = await startFreezableProxy(new URL(inject("databaseUrl")));
  server = await startNextServer({
    DATABASE_URL: proxy.url,
    WHATSAPP_APP_SECRET: inject("appSecret"),
    WHATSAPP_WEBHOOK_KEY: inject("webhookKey"),
    WHATSAPP_VERIFY_TOKEN: inject("verifyToken"),
    PROCESS_AFTER_ACK: "false",
    RECOVERY_LOOP: "off",
    SEND_WORKER: "off",
    WEBHOOK_STORE_TIMEOUT_MS: "1000",
  });
});
afterAll(async () => {
  proxy?.thaw();
  await server?.stop();
  await proxy?.close();
});

describe("a hung database", () => {
  it("gets a 503 within the store timeout, one log line for the outage, and 200s once it answers", async () => {
    expect((await postWebhook(textBody(), { baseUrl: server.url })).status).toBe(200);
    proxy.freeze();
    const startedAt = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        postWebhook(textBody(), { baseUrl: server.url }).then(
          (response) => response.status,
          () => 0,
        ),
      ),
    );
    const elapsed = Date.now() - startedAt;
    proxy.thaw();
    expect(answers).toEqual([503, 503, 503, 503, 503]);
    expect(elapsed).toBeLessThan(4_000); // 1 s timeout; without one they wait for the thaw
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = (await postWebhook(textBody(), { baseUrl: server.url })).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    const log = server.output();
    expect(log.match(/\[webhook\] database unavailable/g)).toHaveLength(1);
    expect(log).toMatch(/database available again after [\d.]+ s; \d+ deliveries were answered 503/);
    expect(log).not.toMatch(/could not store event/);
  });
});
