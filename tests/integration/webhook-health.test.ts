// The webhook health page answers "why are my webhooks not working?" from real traffic, and the
// endpoint sheds floods of rejected requests without ever refusing correctly signed ones.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "../../lib/db/client";
import type { WebhookHealth } from "../../lib/views/health";
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";
import { signInBootstrapAdmin } from "../support/accounts";
import { type HttpSession, randomTestIp } from "../support/http-session";
import { eventually, postWebhook, uniqueWaId, uniqueWamid, webhookUrl } from "../support/webhooks";

let admin: HttpSession;
beforeAll(async () => {
  admin = await signInBootstrapAdmin();
});

const health = async (): Promise<WebhookHealth> => {
  const response = await admin.request("/api/webhook-health");
  expect(response.status).toBe(200);
  return (await response.json()) as WebhookHealth;
};

function textBody(wamid = uniqueWamid()) {
  const from = uniqueWaId();
  return buildMessagesWebhook({
    contacts: [{ waId: from, name: "H" }],
    messages: [sampleInboundMessage("text", { from, wamid })],
  });
}

describe("webhook health", () => {
  it("reflects a bad-signature request with the App Secret hint on the page", async () => {
    const before = (await health()).signatureFailures.invalid;
    expect((await postWebhook(textBody(), { secret: "an-access-token", ip: randomTestIp() })).status).toBe(401);
    await eventually(async () => (await health()).signatureFailures.invalid > before, "the signature failure");
    const page = await admin.request("/settings/health");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("App Secret (App Settings → Basic)");
  });

  it("names a failed verification as a token mismatch", async () => {
    const verify = (token: string, challenge: string) =>
      fetch(
        `${webhookUrl()}?${new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": challenge })}`,
        {
          headers: { "x-forwarded-for": randomTestIp() },
        },
      );
    // Other test files verify against the same server at the same time: repeat our request until
    // it is the latest one the page reports.
    const failed = await eventually(async () => {
      expect((await verify("wrong", "7")).status).toBe(403);
      const { verification } = await health();
      return verification && !verification.succeeded && verification.detail === "verify token mismatch"
        ? verification
        : null;
    }, "the failed verification");
    expect(failed.succeeded).toBe(false);
    await eventually(async () => {
      expect(await (await verify(inject("verifyToken"), "8")).text()).toBe("8");
      return (await health()).verification?.succeeded === true;
    }, "the successful verification");
  });

  it("shows the last event per field and per number, duplicates absorbed and ack latency", async () => {
    const raw = JSON.stringify(textBody());
    await postWebhook(raw);
    await postWebhook(raw);
    const report = await eventually(async () => {
      const current = await health();
      return current.duplicates.count > 0 && current.fields.some((field) => field.field === "messages")
        ? current
        : null;
    }, "duplicates and fields");
    expect(report.numbers.some((number) => number.lastMessageAt !== null)).toBe(true);
    expect(report.ackLatency.count).toBeGreaterThan(0);
    expect(report.ackLatency.p50Ms).not.toBeNull();
    // The page renders in its own module copy: it must show the same figures as the API.
    const html = await (await admin.request("/settings/health")).text();
    expect(html).not.toContain("No events acknowledged in the last hour");
    expect(html).toContain("acks · p50 ≤");
  });

  it("lists failed events with their reason and retries them", async () => {
    // An event that failed under an earlier bug: valid now, so a retry applies it.
    const wamid = uniqueWamid();
    await getDb().$executeRaw`
      INSERT INTO raw_events (body, state, attempts, error, processed_at)
      VALUES (${Buffer.from(JSON.stringify(textBody(wamid)))}, 'failed', 5, 'simulated crash', now())`;
    const listed = await health();
    expect(listed.failedEvents.some((event) => event.error === "simulated crash")).toBe(true);
    const retry = await admin.request("/api/webhook-events/retry", { method: "POST", json: {} });
    expect(retry.status).toBe(200);
    const result = (await retry.json()) as { processed: number };
    expect(result.processed).toBeGreaterThanOrEqual(1);
    expect(await getDb().message.findUnique({ where: { wamid } })).not.toBeNull();
    const bad = await admin.request("/api/webhook-events/retry", { method: "POST", json: { ids: ["abc"] } });
    expect(bad.status).toBe(422);
  });
});

describe("flood protection", () => {
  it("answers 429 to a flood of rejected requests from one address but still accepts signed ones from it", async () => {
    const ip = randomTestIp();
    const startedAt = Date.now();
    const flood = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        index % 2 === 0
          ? postWebhook(textBody(), { signature: null, ip }).then((response) => ({ kind: "unsigned", ...response }))
          : postWebhook(textBody(), { key: "x".repeat(24), ip }).then((response) => ({
              kind: "wrong key",
              ...response,
            })),
      ),
    );
    const elapsedSeconds = (Date.now() - startedAt) / 1000;
    expect(flood.every((response) => [401, 404, 429].includes(response.status))).toBe(true);
    // A bucket of 30 that refills one per second: everything beyond that is shed.
    const refused = flood.filter((response) => response.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(100 - 30 - Math.ceil(elapsedSeconds) - 1);
    expect(refused.some((response) => response.kind === "wrong key")).toBe(true);
    expect(refused.some((response) => response.kind === "unsigned")).toBe(true);
    // Correctly signed traffic from the same address is never throttled.
    const wamid = uniqueWamid();
    expect((await postWebhook(textBody(wamid), { ip })).status).toBe(200);
    await eventually(() => getDb().message.findUnique({ where: { wamid } }), "the signed message");
    // Another address is unaffected.
    expect((await postWebhook(textBody(), { signature: null, ip: randomTestIp() })).status).toBe(401);
  });
});

describe("diagnostics under a flood", () => {
  it("counts rejections it answers with 429 too, so a flood cannot hide signature failures", async () => {
    const counter = async () =>
      Number((await getDb().webhookCounter.findUnique({ where: { name: "signature_invalid" } }))?.count ?? 0);
    const before = await counter();
    const ip = randomTestIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 60; attempt += 1) {
      statuses.push((await postWebhook(textBody(), { signature: `sha256=${"0".repeat(64)}`, ip })).status);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    await eventually(async () => (await counter()) >= before + 60, "all 60 rejections counted");
  });
});
