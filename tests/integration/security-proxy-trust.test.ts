// Without TRUST_PROXY (the default) a client's X-Forwarded-* headers are ignored: X-Forwarded-Host
// does not make a foreign Origin ours, and a rotating X-Forwarded-For neither escapes the webhook's
// 429 nor the sign-in throttle.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { createTestUser, signInBootstrapAdmin, uniqueEmail } from "../support/accounts";
import { HttpSession, randomTestIp } from "../support/http-session";
import { type RunningServer, startNextServer } from "../support/processes";
import { postWebhook } from "../support/webhooks";

let server: RunningServer;

beforeAll(async () => {
  server = await startNextServer({
    DATABASE_URL: inject("databaseUrl"),
    BETTER_AUTH_SECRET: inject("authSecret"),
    WHATSAPP_APP_SECRET: inject("appSecret"),
    WHATSAPP_WEBHOOK_KEY: inject("webhookKey"),
    WHATSAPP_VERIFY_TOKEN: inject("verifyToken"),
    ADMIN_EMAIL: "",
    ADMIN_PASSWORD: "",
    RECOVERY_LOOP: "off",
    TRUST_PROXY: "",
  });
});
afterAll(async () => {
  await server?.stop();
});

/** The same browser session (cookies) pointed at the server that trusts no proxy. */
function onUntrustedServer(session: HttpSession): HttpSession {
  const copy = new HttpSession({ baseUrl: server.url });
  return Object.assign(copy, { cookies: (session as unknown as { cookies: Map<string, string> }).cookies });
}

describe("TRUST_PROXY unset", () => {
  it("X-Forwarded-Host does not make a foreign Origin same-origin", async () => {
    const admin = onUntrustedServer(await signInBootstrapAdmin());
    const email = uniqueEmail("forged");
    const response = await admin.request("/api/users", {
      method: "POST",
      json: { name: "Forged", email, password: "pw-12345678", role: "admin" },
      headers: { origin: "http://evil.test", "x-forwarded-host": "evil.test" },
    });
    expect(response.status).toBe(403);
    expect(await getDb().user.count({ where: { email } })).toBe(0);
    // The app's own origin still works.
    const own = await admin.request("/api/users", {
      method: "POST",
      json: { name: "Real", email, password: "pw-12345678", role: "agent" },
    });
    expect(own.status).toBe(201);
  });

  it("a rotating X-Forwarded-For still meets the webhook's 429", async () => {
    const statuses: number[] = [];
    const started = Date.now();
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const answer = await postWebhook(
        { object: "whatsapp_business_account", entry: [] },
        { baseUrl: server.url, signature: `sha256=${randomBytes(32).toString("hex")}`, ip: randomTestIp() },
      );
      statuses.push(answer.status);
    }
    // One bucket for every forged address: 30 rejections, then 429s, less the tokens refilled (1/s)
    // while the requests ran — a slow machine refills more. Fresh buckets would give no 429 at all.
    const refilled = Math.ceil((Date.now() - started) / 1000);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(
      Math.max(1, 60 - 30 - refilled - 1),
    );
  });

  it("a rotating X-Forwarded-For still meets the sign-in throttle", async () => {
    const admin = await signInBootstrapAdmin();
    const user = await createTestUser(admin);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const session = new HttpSession({ baseUrl: server.url, ip: randomTestIp() });
      const response = await session.request("/api/auth/sign-in/email", {
        method: "POST",
        json: { email: user.email, password: "wrong-password" },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });
});

describe("TRUST_PROXY naming the proxy (the test runner on loopback)", () => {
  it("believes X-Forwarded-For from it: two clients behind it are throttled apart", async () => {
    const admin = await signInBootstrapAdmin();
    const user = await createTestUser(admin);
    const guess = (ip: string) =>
      new HttpSession({ ip }).request("/api/auth/sign-in/email", {
        method: "POST",
        json: { email: user.email, password: "wrong-password" },
      });
    const first = randomTestIp();
    for (let attempt = 0; attempt < 6; attempt += 1) await guess(first);
    expect((await guess(first)).status).toBe(429);
    expect((await guess(randomTestIp())).status).toBe(401);
  });
});
