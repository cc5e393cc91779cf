// Sessions: cookies, sign-out, deactivation ending every session at once, roles applied at once.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { createTestUser, signedIn, signIn, signInBootstrapAdmin } from "../support/accounts";
import { HttpSession } from "../support/http-session";

let admin: HttpSession;

beforeAll(async () => {
  admin = await signInBootstrapAdmin();
});

const sessionCount = (userId: string) => getDb().session.count({ where: { userId } });

describe("sign-in", () => {
  it("sets an httpOnly, SameSite session cookie and stores only a scrypt hash of the password", async () => {
    const user = await createTestUser(admin);
    const { response } = await signIn(user.email, user.password);
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith("inbox.session_token="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    const account = await getDb().account.findFirstOrThrow({ where: { userId: user.id, providerId: "credential" } });
    expect(account.password).not.toContain(user.password);
    // better-auth's scrypt format: hex salt ":" hex key.
    expect(account.password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
  });

  it("refuses a wrong password with 401 and sets no cookie", async () => {
    const user = await createTestUser(admin);
    const { response, session } = await signIn(user.email, "not-the-password");
    expect(response.status).toBe(401);
    expect(session.cookieHeader).toBe("");
    expect((await session.request("/api/users/me")).status).toBe(401);
  });

  it("treats the email case-insensitively", async () => {
    const user = await createTestUser(admin);
    const session = await signedIn(user.email.toUpperCase(), user.password);
    expect((await session.request("/api/users/me")).status).toBe(200);
  });
});

describe("sign-out", () => {
  it("ends the session on the server: the old cookie no longer works", async () => {
    const user = await createTestUser(admin);
    const session = await signedIn(user.email, user.password);
    const stolenCopy = session.clone();
    expect((await session.request("/api/users/me")).status).toBe(200);
    expect(await sessionCount(user.id)).toBe(1);

    const response = await session.request("/api/auth/sign-out", { method: "POST", json: {} });
    expect(response.status).toBe(200);
    expect(session.cookieHeader).not.toContain("inbox.session_token");
    expect(await sessionCount(user.id)).toBe(0);
    expect((await stolenCopy.request("/api/users/me")).status).toBe(401);
    const page = await stolenCopy.request("/inbox");
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/login$/);
  });
});

describe("a session's lifetime", () => {
  const DAY = 24 * 60 * 60_000;
  const expiryOf = async (userId: string) =>
    (await getDb().session.findFirstOrThrow({ where: { userId } })).expiresAt.getTime();
  const setExpiry = (userId: string, at: number) =>
    getDb().session.updateMany({ where: { userId }, data: { expiresAt: new Date(at) } });
  const sessionCookieSet = (response: Response) =>
    response.headers.getSetCookie().find((line) => line.startsWith("inbox.session_token="));

  it("is slid back to seven days, with a fresh cookie, once it is a day old; not before", async () => {
    const user = await createTestUser(admin);
    const session = await signedIn(user.email, user.password);
    // Twelve hours old: used, not slid.
    await setExpiry(user.id, Date.now() + 6.5 * DAY);
    const young = await session.request("/api/users/me");
    expect(young.status).toBe(200);
    expect(sessionCookieSet(young)).toBeUndefined();
    expect(await expiryOf(user.id)).toBeLessThan(Date.now() + 6.6 * DAY);
    // A day and a minute old: slid, and the browser's cookie with it.
    await setExpiry(user.id, Date.now() + 6 * DAY - 60_000);
    const due = await session.request("/api/users/me");
    expect(due.status).toBe(200);
    expect(await expiryOf(user.id)).toBeGreaterThan(Date.now() + 6.9 * DAY);
    expect(sessionCookieSet(due)).toMatch(/Max-Age=604800/i);
    expect((await session.request("/api/users/me")).status).toBe(200);
  });

  it("once expired is refused everywhere, deleted, and its cookie cleared", async () => {
    const user = await createTestUser(admin);
    const session = await signedIn(user.email, user.password);
    await setExpiry(user.id, Date.now() - 1000);
    const refused = await session.request("/api/users/me");
    expect(refused.status).toBe(401);
    expect(sessionCookieSet(refused)).toMatch(/Max-Age=0/i);
    expect(await sessionCount(user.id)).toBe(0);
    expect((await session.clone().request("/inbox")).headers.get("location")).toMatch(/\/login$/);
  });
});

describe("deactivation", () => {
  it("ends every session of the user at once, refuses sign-in until reactivated", async () => {
    const user = await createTestUser(admin);
    const laptop = await signedIn(user.email, user.password);
    const phone = await signedIn(user.email, user.password);
    expect((await laptop.request("/api/users/me")).status).toBe(200);
    expect(await sessionCount(user.id)).toBe(2);

    const response = await admin.request(`/api/users/${user.id}/deactivate`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { active: boolean } }).user.active).toBe(false);

    expect((await laptop.request("/api/users/me")).status).toBe(401);
    expect((await phone.request("/api/users/me")).status).toBe(401);
    const page = await laptop.request("/inbox");
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/login$/);
    expect(await sessionCount(user.id)).toBe(0);

    const refused = await signIn(user.email, user.password);
    expect(refused.response.status).toBe(403);
    expect(await refused.response.text()).toMatch(/deactivated/);

    const reactivated = await admin.request(`/api/users/${user.id}/reactivate`, { method: "POST" });
    expect(reactivated.status).toBe(200);
    const again = await signedIn(user.email, user.password);
    expect((await again.request("/api/users/me")).status).toBe(200);
  });

  it("is refused for the admin's own account", async () => {
    const me = (await (await admin.request("/api/users/me")).json()) as { user: { id: string } };
    const response = await admin.request(`/api/users/${me.user.id}/deactivate`, { method: "POST" });
    expect(response.status).toBe(409);
    expect((await admin.request("/api/users/me")).status).toBe(200);
  });

  it("shows in the user list", async () => {
    const user = await createTestUser(admin);
    await admin.request(`/api/users/${user.id}/deactivate`, { method: "POST" });
    const { users } = (await (await admin.request("/api/users")).json()) as {
      users: { id: string; active: boolean; role: string }[];
    };
    expect(users.find((listed) => listed.id === user.id)).toMatchObject({ active: false, role: "agent" });
  });
});

describe("roles", () => {
  it("a role change applies to the user's current session at once", async () => {
    const user = await createTestUser(admin);
    const session = await signedIn(user.email, user.password);
    expect((await session.request("/api/users")).status).toBe(403);

    const promoted = await admin.request(`/api/users/${user.id}/role`, { method: "PATCH", json: { role: "admin" } });
    expect(promoted.status).toBe(200);
    expect((await session.request("/api/users")).status).toBe(200);
    expect((await session.request("/settings/users")).status).toBe(200);

    const demoted = await admin.request(`/api/users/${user.id}/role`, { method: "PATCH", json: { role: "agent" } });
    expect(demoted.status).toBe(200);
    expect((await session.request("/api/users")).status).toBe(403);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("agent");
  });

  it("refuses a role that does not exist", async () => {
    const user = await createTestUser(admin);
    const response = await admin.request(`/api/users/${user.id}/role`, { method: "PATCH", json: { role: "owner" } });
    expect(response.status).toBe(422);
  });

  it("an admin can create another admin", async () => {
    const second = await createTestUser(admin, { role: "admin" });
    const session = await signedIn(second.email, second.password);
    expect((await session.request("/api/users")).status).toBe(200);
  });
});
