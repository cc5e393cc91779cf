// Cross-site requests cannot change anything: our JSON API and better-auth's endpoints both refuse
// a foreign Origin / Sec-Fetch-Site, a cookie-carrying mutation without Origin, and non-JSON bodies.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { createTestUser, signedIn, signIn, signInBootstrapAdmin, uniqueEmail } from "../support/accounts";
import { HttpSession } from "../support/http-session";

const EVIL = "https://evil.example";
let admin: HttpSession;

beforeAll(async () => {
  admin = await signInBootstrapAdmin();
});

const newUserBody = () => ({ name: "Forged", email: uniqueEmail("forged"), password: "forged-password" });
const userExists = async (email: string) => (await getDb().user.count({ where: { email } })) > 0;

describe("our API (withRoute)", () => {
  it("refuses a mutation from another origin and changes nothing", async () => {
    const body = newUserBody();
    const response = await admin.request("/api/users", { method: "POST", json: body, headers: { origin: EVIL } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    expect(await userExists(body.email)).toBe(false);
  });

  it("refuses Sec-Fetch-Site: cross-site and same-site", async () => {
    for (const site of ["cross-site", "same-site"]) {
      const body = newUserBody();
      const response = await admin.request("/api/users", {
        method: "POST",
        json: body,
        headers: { origin: null, "sec-fetch-site": site },
      });
      expect(response.status, site).toBe(403);
      expect(await userExists(body.email)).toBe(false);
    }
  });

  it("refuses a cookie-carrying mutation without an Origin header", async () => {
    const body = newUserBody();
    const response = await admin.request("/api/users", { method: "POST", json: body, headers: { origin: null } });
    expect(response.status).toBe(403);
    expect(await userExists(body.email)).toBe(false);
  });

  it("refuses a form-encoded body (what a cross-site form could send)", async () => {
    const response = await admin.request("/api/users", {
      method: "POST",
      body: "name=Forged&email=forged%40example.com&password=forged-password",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(415);
  });

  it("refuses a cross-origin role change", async () => {
    const user = await createTestUser(admin);
    const response = await admin.request(`/api/users/${user.id}/role`, {
      method: "PATCH",
      json: { role: "admin" },
      headers: { origin: EVIL },
    });
    expect(response.status).toBe(403);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("agent");
  });

  it("accepts the same request from the app's own origin", async () => {
    const body = newUserBody();
    const response = await admin.request("/api/users", {
      method: "POST",
      json: body,
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(response.status).toBe(201);
    expect(await userExists(body.email)).toBe(true);
  });
});

describe("better-auth endpoints", () => {
  it("refuses a cross-origin sign-out and the session stays valid", async () => {
    const user = await createTestUser(admin);
    const session = await signedIn(user.email, user.password);
    const response = await session.request("/api/auth/sign-out", {
      method: "POST",
      json: {},
      headers: { origin: EVIL },
    });
    expect(response.status).toBe(403);
    expect((await session.request("/api/users/me")).status).toBe(200);
  });

  it("refuses a cross-site sign-in (login CSRF) and sets no cookie", async () => {
    const user = await createTestUser(admin);
    const session = new HttpSession();
    const response = await session.request("/api/auth/sign-in/email", {
      method: "POST",
      json: { email: user.email, password: user.password },
      headers: { origin: EVIL, "sec-fetch-site": "cross-site", "sec-fetch-mode": "cors" },
    });
    expect(response.status).toBe(403);
    expect(session.cookieHeader).toBe("");
    expect((await signIn(user.email, user.password)).response.status).toBe(200);
  });
});
