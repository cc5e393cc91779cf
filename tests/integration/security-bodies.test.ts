// Public and signed-in routes read bounded bodies (413 past a small limit, read as a stream); a
// finished setup refuses before reading anything; better-auth serves only the endpoints the
// product uses, so its update-user cannot store a name our rules would refuse.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { createTestUser, signedIn, signInBootstrapAdmin, type TestUser } from "../support/accounts";
import { HttpSession } from "../support/http-session";
import { postStreaming } from "../support/raw-http";

let admin: HttpSession;
let agent: { user: TestUser; session: HttpSession };

beforeAll(async () => {
  admin = await signInBootstrapAdmin();
  const user = await createTestUser(admin);
  agent = { user, session: await signedIn(user.email, user.password) };
});

const baseUrl = () => inject("baseUrl");

/** A JSON body that starts out plausible and goes on for `bytes` more, with no Content-Length. */
function streamJson(session: HttpSession, path: string, bytes: number) {
  return postStreaming({
    url: `${baseUrl()}${path}`,
    headers: {
      "content-type": "application/json",
      origin: baseUrl(),
      "x-forwarded-for": session.ip,
      ...(session.cookieHeader ? { cookie: session.cookieHeader } : {}),
    },
    firstChunk: '{"email":"someone@example.com","password":"',
    moreBytes: bytes,
  });
}

describe("request bodies", () => {
  it("a finished setup answers 403 before reading the body", async () => {
    // The body never ends: only a server that refuses without reading it can answer.
    const answer = await streamJson(new HttpSession(), "/api/auth/setup", 0);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain("Setup is already complete");
  });

  it("anonymous sign-in with an oversized body is cut off with 413 while it streams", async () => {
    const answer = await streamJson(new HttpSession(), "/api/auth/sign-in/email", 2 * 1024 * 1024);
    expect(answer.status).toBe(413);
  });

  it("a declared Content-Length over the limit is refused at once", async () => {
    const answer = await postStreaming({
      url: `${baseUrl()}/api/auth/sign-in/email`,
      headers: { "content-type": "application/json", origin: baseUrl(), "content-length": String(200 * 1024 * 1024) },
      firstChunk: "{",
    });
    expect(answer.status).toBe(413);
  });

  it.each([
    ["POST", "/api/auth/sign-out"],
    ["POST", "/api/users"],
    ["PATCH", "/api/settings/whatsapp"],
    ["POST", "/api/settings/whatsapp/test-connection"],
    ["POST", "/api/webhook-events/retry"],
  ])("%s %s answers 413 past its limit", async (method, path) => {
    const big = JSON.stringify({ padding: "x".repeat(300 * 1024) });
    const response = await admin.request(path, {
      method: method as "POST",
      body: big,
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
  });

  it("channel authorization (form body) answers 413 past its limit", async () => {
    const response = await agent.session.request("/api/realtime/auth", {
      method: "POST",
      body: `socket_id=1.1&channel_name=${"x".repeat(300 * 1024)}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(413);
  });
});

describe("better-auth endpoints outside the allow-list", () => {
  it("update-user is gone: no 900,000-character name, no renaming to 'Admin'", async () => {
    for (const name of ["n".repeat(900_000), "Admin"]) {
      const response = await agent.session.request("/api/auth/update-user", { method: "POST", json: { name } });
      expect(response.status).toBe(404);
    }
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: agent.user.id } });
    expect(stored.name).toBe(agent.user.name);
  });

  it.each([
    ["POST", "/api/auth/change-email"],
    ["POST", "/api/auth/change-password"],
    ["POST", "/api/auth/delete-user"],
    ["POST", "/api/auth/revoke-sessions"],
    ["GET", "/api/auth/list-sessions"],
    ["GET", "/api/auth/get-session"],
    ["POST", "/api/auth/sign-up/email"],
    ["POST", "/api/auth/admin/set-role"],
    ["POST", "/api/auth/request-password-reset"],
  ])("%s %s answers 404", async (method, path) => {
    const response = await agent.session.request(path, {
      method: method as "GET" | "POST",
      ...(method === "POST" ? { json: { name: "x", newEmail: `${randomBytes(3).toString("hex")}@example.com` } } : {}),
    });
    expect(response.status).toBe(404);
  });

  it("sign-in and sign-out still work", async () => {
    const session = await signedIn(agent.user.email, agent.user.password);
    expect((await session.request("/api/users/me")).status).toBe(200);
    expect((await session.request("/api/auth/sign-out", { method: "POST", json: {} })).status).toBe(200);
    expect((await session.request("/api/users/me")).status).toBe(401);
  });

  it("the database itself refuses a user or phone-number name over 100 characters", async () => {
    await expect(
      getDb().user.update({ where: { id: agent.user.id }, data: { name: "n".repeat(101) } }),
    ).rejects.toThrow();
    expect((await getDb().user.findUniqueOrThrow({ where: { id: agent.user.id } })).name).toBe(agent.user.name);
  });
});
