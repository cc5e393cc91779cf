// Passwords without a locked-out user: an admin's one-time reset link, one's own password change,
// and who may do which — against the real server and database.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { createTestUser, signedIn, signIn, signInBootstrapAdmin } from "../support/accounts";
import { HttpSession } from "../support/http-session";

let admin: HttpSession;
let adminId: string;

beforeAll(async () => {
  admin = await signInBootstrapAdmin();
  adminId = ((await (await admin.request("/api/users/me")).json()) as { user: { id: string } }).user.id;
});

type ResetAnswer = { reset: { link: string; expiresAt: string; emailed: boolean } };
type ErrorAnswer = { error: { code: string; message: string } };

async function makeResetLink(session: HttpSession, userId: string) {
  const response = await session.request(`/api/users/${userId}/password-reset`, { method: "POST" });
  return { response, body: (await response.json()) as ResetAnswer & ErrorAnswer };
}

const tokenOf = (link: string) => new URL(link).hash.slice(1);

async function resetWith(token: string, password: string) {
  return new HttpSession().request("/api/password-reset", { method: "POST", json: { token, password } });
}

async function auditEntries(query: string) {
  const response = await admin.request(`/api/settings/audit-log?${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { entries: { action: string; summary: string; actor: { id: string } }[] }).entries;
}

describe("an admin's reset link", () => {
  it("lets the user choose a new password once, ends their sessions, and is audited", async () => {
    const user = await createTestUser(admin);
    const laptop = await signedIn(user.email, user.password);
    const phone = await signedIn(user.email, user.password);

    const { response, body } = await makeResetLink(admin, user.id);
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(body.reset.emailed).toBe(false);
    expect(Date.parse(body.reset.expiresAt) - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(Date.parse(body.reset.expiresAt) - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    const token = tokenOf(body.reset.link);
    expect(new URL(body.reset.link).pathname).toBe("/reset-password");

    // Only the hash is stored.
    const stored = await getDb().passwordResetToken.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("base64url"));
    expect(JSON.stringify(stored)).not.toContain(token);

    const reset = await resetWith(token, "a-brand-new-password");
    expect(reset.status, await reset.clone().text()).toBe(200);
    // Every session of the user ended: whoever had the old password is out.
    expect((await laptop.request("/api/users/me")).status).toBe(401);
    expect((await phone.request("/api/users/me")).status).toBe(401);
    expect((await signIn(user.email, user.password)).response.status).toBe(401);
    await signedIn(user.email, "a-brand-new-password");

    // Single use.
    const again = await resetWith(token, "yet-another-password");
    expect(again.status).toBe(422);
    expect(((await again.json()) as ErrorAnswer).error.message).toMatch(/^token: This link has expired or was/);
    await signedIn(user.email, "a-brand-new-password");

    const made = await auditEntries(`kind=user.password_reset_link&actor=${adminId}`);
    expect(made.some((entry) => entry.summary.includes(user.email))).toBe(true);
    const used = await auditEntries(`kind=user.password_reset&actor=${user.id}`);
    expect(used).toHaveLength(1);
  });

  it("expires after an hour", async () => {
    const user = await createTestUser(admin);
    const { body } = await makeResetLink(admin, user.id);
    const token = tokenOf(body.reset.link);
    // An hour and a second later, as far as the database is concerned.
    await getDb().passwordResetToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const response = await resetWith(token, "too-late-password");
    expect(response.status).toBe(422);
    expect((await signIn(user.email, "too-late-password")).response.status).toBe(401);
    await signedIn(user.email, user.password);
  });

  it("stops working when a newer link is made", async () => {
    const user = await createTestUser(admin);
    const first = tokenOf((await makeResetLink(admin, user.id)).body.reset.link);
    const second = tokenOf((await makeResetLink(admin, user.id)).body.reset.link);
    expect((await resetWith(first, "from-the-old-link")).status).toBe(422);
    expect((await resetWith(second, "from-the-new-link")).status).toBe(200);
  });

  it("of two submissions at once, exactly one sets the password", async () => {
    const user = await createTestUser(admin);
    const token = tokenOf((await makeResetLink(admin, user.id)).body.reset.link);
    const answers = await Promise.all([resetWith(token, "racer-one-password"), resetWith(token, "racer-two-password")]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422]);
  });

  it("is for admins only: agents get 403, anonymous 401", async () => {
    const agent = await createTestUser(admin);
    const agentSession = await signedIn(agent.email, agent.password);
    const victim = await createTestUser(admin);
    expect((await makeResetLink(agentSession, victim.id)).response.status).toBe(403);
    expect((await makeResetLink(agentSession, adminId)).response.status).toBe(403);
    expect((await makeResetLink(new HttpSession(), victim.id)).response.status).toBe(401);
    expect(await getDb().passwordResetToken.count({ where: { userId: { in: [victim.id, adminId] } } })).toBe(0);
  });

  it("answers 404 for an unknown user and 409 for a deactivated one", async () => {
    expect((await makeResetLink(admin, "no-such-user")).response.status).toBe(404);
    const user = await createTestUser(admin);
    await admin.request(`/api/users/${user.id}/deactivate`, { method: "POST" });
    expect((await makeResetLink(admin, user.id)).response.status).toBe(409);
  });

  it("refuses bad input with 422 naming the field", async () => {
    const short = await new HttpSession().request("/api/password-reset", {
      method: "POST",
      json: { token: "x".repeat(43), password: "short" },
    });
    expect(short.status).toBe(422);
    expect(((await short.json()) as ErrorAnswer).error.message).toMatch(/^password: /);
    const noToken = await new HttpSession().request("/api/password-reset", {
      method: "POST",
      json: { password: "long-enough-password" },
    });
    expect(noToken.status).toBe(422);
    expect(((await noToken.json()) as ErrorAnswer).error.message).toMatch(/^token: /);
  });
});

describe("one's own password", () => {
  it("needs the current one, keeps this session, ends the others, and is audited", async () => {
    const user = await createTestUser(admin);
    const here = await signedIn(user.email, user.password);
    const elsewhere = await signedIn(user.email, user.password);

    const wrong = await here.request("/api/users/me/password", {
      method: "POST",
      json: { currentPassword: "not-my-password", newPassword: "my-new-password" },
    });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as ErrorAnswer).error.message).toMatch(/^currentPassword: /);
    expect((await elsewhere.request("/api/users/me")).status).toBe(200);

    const tooShort = await here.request("/api/users/me/password", {
      method: "POST",
      json: { currentPassword: user.password, newPassword: "short" },
    });
    expect(tooShort.status).toBe(422);
    expect(((await tooShort.json()) as ErrorAnswer).error.message).toMatch(/^newPassword: /);

    const changed = await here.request("/api/users/me/password", {
      method: "POST",
      json: { currentPassword: user.password, newPassword: "my-new-password" },
    });
    expect(changed.status, await changed.clone().text()).toBe(200);
    expect((await here.request("/api/users/me")).status).toBe(200);
    expect((await elsewhere.request("/api/users/me")).status).toBe(401);
    expect((await signIn(user.email, user.password)).response.status).toBe(401);
    await signedIn(user.email, "my-new-password");
    expect(await auditEntries(`kind=user.password_changed&actor=${user.id}`)).toHaveLength(1);
  });

  it("needs a session", async () => {
    const response = await new HttpSession().request("/api/users/me/password", {
      method: "POST",
      json: { currentPassword: "whatever-it-is", newPassword: "whatever-it-be" },
    });
    expect(response.status).toBe(401);
  });
});
