// Authorization matrix: anonymous / agent / admin × every page and API route, against the real
// server. Pages redirect (anonymous → /login, agents away from admin pages); APIs answer 401/403.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { ensurePhoneNumber } from "../../lib/db/phone-numbers";
import { createTestUser, signedIn, signInBootstrapAdmin, type TestUser } from "../support/accounts";
import { HttpSession } from "../support/http-session";

type Who = "anonymous" | "agent" | "admin";
const sessions = {} as Record<Who, HttpSession>;
let agent: TestUser;

beforeAll(async () => {
  sessions.admin = await signInBootstrapAdmin();
  agent = await createTestUser(sessions.admin, { role: "agent" });
  sessions.agent = await signedIn(agent.email, agent.password);
  sessions.anonymous = new HttpSession();
});

const location = (response: Response) => {
  const value = response.headers.get("location");
  return value ? new URL(value, "http://x").pathname + new URL(value, "http://x").search : null;
};

// [path, anonymous, agent, admin]: a number is the status, a string the redirect target.
const pages: [string, number | string, number | string, number | string][] = [
  ["/", "/login", "/inbox", "/inbox"],
  ["/login", 200, "/inbox", "/inbox"],
  ["/setup", "/login", "/login", "/login"],
  ["/inbox", "/login", 200, 200],
  ["/settings", "/login", "/inbox?denied=admin", 200],
  ["/settings/users", "/login", "/inbox?denied=admin", 200],
  ["/settings/whatsapp", "/login", "/inbox?denied=admin", 200],
  ["/settings/audit-log", "/login", "/inbox?denied=admin", 200],
  // Agents keep their own canned replies here (only admins edit the shared ones).
  ["/settings/canned-replies", "/login", 200, 200],
  ["/settings/labels", "/login", "/inbox?denied=admin", 200],
  ["/settings/contact-attributes", "/login", "/inbox?denied=admin", 200],
  ["/profile", "/login", 200, 200],
  ["/forgot-password", 200, 200, 200],
  ["/reset-password", 200, 200, 200],
];

describe("pages", () => {
  for (const [path, ...expected] of pages) {
    (["anonymous", "agent", "admin"] as const).forEach((who, index) => {
      const outcome = expected[index]!;
      it(`${who} GET ${path} → ${outcome}`, async () => {
        const response = await sessions[who].request(path);
        if (typeof outcome === "number") {
          expect(response.status).toBe(outcome);
        } else {
          expect(response.status).toBe(307);
          expect(location(response)).toBe(outcome);
        }
      });
    });
  }

  it("shows the signed-in user's name, role and a sign-out button in the shell", async () => {
    const html = await (await sessions.agent.request("/inbox")).text();
    expect(html).toContain(agent.name);
    expect(html).toContain("Agent");
    expect(html).toContain("Sign out");
    expect(html).toContain(`aria-label="Search conversations"`);
    expect(html).not.toContain('href="/settings"');
  });

  it("lists users on the admin page, with the admin's settings link", async () => {
    const html = await (await sessions.admin.request("/settings/users")).text();
    expect(html).toContain(agent.email);
    expect(html).toContain('href="/settings"');
  });
});

type ApiCase = {
  name: string;
  request: (session: HttpSession) => Promise<Response>;
  expected: Record<Who, number>;
};

/** A shared canned reply made by the admin (each call a new one, so a DELETE has something to delete). */
async function sharedCannedReply(): Promise<string> {
  const response = await sessions.admin.request("/api/canned-replies", {
    method: "POST",
    json: { title: "Matrix", shortcut: `matrix-${crypto.randomUUID().slice(0, 8)}`, text: "Hi", scope: "shared" },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { cannedReply: { id: string } }).cannedReply.id;
}

/** A label made by the admin (each call a new one, so a DELETE has something to delete). */
async function matrixLabel(): Promise<string> {
  const response = await sessions.admin.request("/api/labels", {
    method: "POST",
    json: { name: `Matrix ${crypto.randomUUID().slice(0, 8)}`, color: "teal" },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { label: { id: string } }).label.id;
}

/** A contact attribute made by the admin (each call a new one, so a DELETE has something to delete). */
async function matrixAttribute(): Promise<string> {
  const response = await sessions.admin.request("/api/contact-attributes", {
    method: "POST",
    json: { name: `Matrix ${crypto.randomUUID().slice(0, 8)}`, type: "text" },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { attribute: { id: string } }).attribute.id;
}

/** The customer of the matrix conversation. */
async function matrixContact(): Promise<string> {
  const conversation = await getDb().conversation.findUniqueOrThrow({
    where: { id: await matrixConversation() },
    select: { contactId: true },
  });
  return conversation.contactId;
}

/** The number of the matrix conversation (its row id). */
async function matrixPhoneNumber(): Promise<string> {
  const conversation = await getDb().conversation.findUniqueOrThrow({
    where: { id: await matrixConversation() },
    select: { phoneNumberId: true },
  });
  return conversation.phoneNumberId;
}

let matrixConversationId: string | null = null;
/** A conversation to leave notes in (made once, straight in the database). */
async function matrixConversation(): Promise<string> {
  if (matrixConversationId) return matrixConversationId;
  const db = getDb();
  const phoneNumberId = await ensurePhoneNumber({
    db,
    phoneNumberId: `3016${Date.now().toString().slice(-9)}`,
    displayPhoneNumber: null,
    wabaId: null,
  });
  const contact = await db.contact.create({ data: { waId: `49${Date.now().toString().slice(-10)}` } });
  const conversation = await db.conversation.create({ data: { contactId: contact.id, phoneNumberId } });
  matrixConversationId = conversation.id;
  return conversation.id;
}

const apiCases: ApiCase[] = [
  {
    name: "GET /api/labels",
    request: (s) => s.request("/api/labels"),
    expected: { anonymous: 401, agent: 200, admin: 200 },
  },
  {
    name: "POST /api/labels",
    request: (s) =>
      s.request("/api/labels", {
        method: "POST",
        json: { name: `Made ${crypto.randomUUID().slice(0, 8)}`, color: "blue" },
      }),
    expected: { anonymous: 401, agent: 403, admin: 201 },
  },
  {
    name: "PATCH /api/labels/[id]",
    request: async (s) => s.request(`/api/labels/${await matrixLabel()}`, { method: "PATCH", json: { color: "red" } }),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "DELETE /api/labels/[id]",
    request: async (s) => s.request(`/api/labels/${await matrixLabel()}`, { method: "DELETE" }),
    expected: { anonymous: 401, agent: 403, admin: 204 },
  },
  {
    name: "GET /api/contacts/[id]",
    request: async (s) => s.request(`/api/contacts/${await matrixContact()}`),
    expected: { anonymous: 401, agent: 200, admin: 200 },
  },
  {
    name: "PATCH /api/contacts/[id]",
    request: async (s) =>
      s.request(`/api/contacts/${await matrixContact()}`, { method: "PATCH", json: { notes: "Matrix notes" } }),
    expected: { anonymous: 401, agent: 200, admin: 200 },
  },
  {
    // Answered at the socket, not by Next (lib/media/media-socket-route.ts): the same rules.
    name: "GET /api/media/[id] (no such file)",
    request: (s) => s.request("/api/media/msg_matrix_none"),
    expected: { anonymous: 401, agent: 404, admin: 404 },
  },
  {
    name: "GET /api/contact-attributes",
    request: (s) => s.request("/api/contact-attributes"),
    expected: { anonymous: 401, agent: 200, admin: 200 },
  },
  {
    name: "POST /api/contact-attributes",
    request: (s) =>
      s.request("/api/contact-attributes", {
        method: "POST",
        json: { name: `Made ${crypto.randomUUID().slice(0, 8)}`, type: "number" },
      }),
    expected: { anonymous: 401, agent: 403, admin: 201 },
  },
  {
    name: "PATCH /api/contact-attributes/[id]",
    request: async (s) =>
      s.request(`/api/contact-attributes/${await matrixAttribute()}`, {
        method: "PATCH",
        json: { name: `Renamed ${crypto.randomUUID().slice(0, 8)}` },
      }),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "DELETE /api/contact-attributes/[id]",
    request: async (s) => s.request(`/api/contact-attributes/${await matrixAttribute()}`, { method: "DELETE" }),
    expected: { anonymous: 401, agent: 403, admin: 204 },
  },
  {
    name: "PUT /api/contacts/[id]/attributes/[attributeId]",
    request: async (s) =>
      s.request(`/api/contacts/${await matrixContact()}/attributes/${await matrixAttribute()}`, {
        method: "PUT",
        json: { value: "Matrix value" },
      }),
    expected: { anonymous: 401, agent: 200, admin: 200 },
  },
  {
    name: "POST /api/conversations/[id]/labels",
    request: async (s) =>
      s.request(`/api/conversations/${await matrixConversation()}/labels`, {
        method: "POST",
        json: { labelId: await matrixLabel() },
      }),
    expected: { anonymous: 401, agent: 200, admin: 200 },
  },
  {
    name: "DELETE /api/conversations/[id]/labels/[labelId]",
    request: async (s) =>
      s.request(`/api/conversations/${await matrixConversation()}/labels/${await matrixLabel()}`, { method: "DELETE" }),
    expected: { anonymous: 401, agent: 200, admin: 200 },
  },
  {
    name: "GET /api/canned-replies",
    request: (s) => s.request("/api/canned-replies"),
    expected: { anonymous: 401, agent: 200, admin: 200 },
  },
  {
    name: "POST /api/canned-replies (personal)",
    request: (s) =>
      s.request("/api/canned-replies", {
        method: "POST",
        json: { title: "Mine", shortcut: `own-${crypto.randomUUID().slice(0, 8)}`, text: "Hi", scope: "personal" },
      }),
    expected: { anonymous: 401, agent: 201, admin: 201 },
  },
  {
    name: "POST /api/canned-replies (shared)",
    request: (s) =>
      s.request("/api/canned-replies", {
        method: "POST",
        json: { title: "Team", shortcut: `team-${crypto.randomUUID().slice(0, 8)}`, text: "Hi", scope: "shared" },
      }),
    expected: { anonymous: 401, agent: 403, admin: 201 },
  },
  {
    name: "PATCH /api/canned-replies/[id] (shared)",
    request: async (s) =>
      s.request(`/api/canned-replies/${await sharedCannedReply()}`, { method: "PATCH", json: { text: "Hello" } }),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "DELETE /api/canned-replies/[id] (shared)",
    request: async (s) => s.request(`/api/canned-replies/${await sharedCannedReply()}`, { method: "DELETE" }),
    expected: { anonymous: 401, agent: 403, admin: 204 },
  },
  {
    name: "POST /api/conversations/[id]/notes",
    request: async (s) =>
      s.request(`/api/conversations/${await matrixConversation()}/notes`, {
        method: "POST",
        json: { clientId: crypto.randomUUID(), text: "Matrix note" },
      }),
    expected: { anonymous: 401, agent: 201, admin: 201 },
  },
  {
    name: "GET /api/health",
    request: (s) => s.request("/api/health"),
    expected: { anonymous: 200, agent: 200, admin: 200 },
  },
  {
    name: "GET /api/webhooks/whatsapp/[key] (verify handshake)",
    request: (s) =>
      s.request(
        `/api/webhooks/whatsapp/${inject("webhookKey")}?hub.mode=subscribe&hub.verify_token=${inject("verifyToken")}&hub.challenge=77`,
      ),
    expected: { anonymous: 200, agent: 200, admin: 200 },
  },
  {
    name: "GET /api/users/me",
    request: (s) => s.request("/api/users/me"),
    expected: { anonymous: 401, agent: 200, admin: 200 },
  },
  {
    name: "GET /api/users",
    request: (s) => s.request("/api/users"),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "POST /api/users",
    request: (s) =>
      s.request("/api/users", {
        method: "POST",
        json: { name: "Matrix", email: `matrix-${crypto.randomUUID()}@example.com`, password: "matrix-password" },
      }),
    expected: { anonymous: 401, agent: 403, admin: 201 },
  },
  {
    name: "PATCH /api/users/[id]/role",
    request: (s) => s.request(`/api/users/${agent.id}/role`, { method: "PATCH", json: { role: "agent" } }),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "POST /api/users/[id]/reactivate",
    request: (s) => s.request(`/api/users/${agent.id}/reactivate`, { method: "POST" }),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    // The admin case runs against a throwaway user: deactivating `agent` would end its session.
    name: "POST /api/users/[id]/deactivate",
    request: async (s) => {
      const target = s === sessions.admin ? (await createTestUser(sessions.admin)).id : agent.id;
      return s.request(`/api/users/${target}/deactivate`, { method: "POST" });
    },
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    // Each signed-in person sets their own name to what it is: allowed, and nothing changes.
    name: "PATCH /api/users/me",
    request: async (s) => {
      const me = await s.request("/api/users/me");
      const name = me.ok ? ((await me.json()) as { user: { name: string } }).user.name : "Nobody";
      return s.request("/api/users/me", { method: "PATCH", json: { name } });
    },
    expected: { anonymous: 401, agent: 200, admin: 200 },
  },
  {
    // A wrong current password: the route is reached (422) without changing anyone's password.
    name: "POST /api/users/me/password",
    request: (s) =>
      s.request("/api/users/me/password", {
        method: "POST",
        json: { currentPassword: "not-the-password", newPassword: "matrix-new-password" },
      }),
    expected: { anonymous: 401, agent: 422, admin: 422 },
  },
  {
    name: "PATCH /api/users/[id]",
    request: (s) => s.request(`/api/users/${agent.id}`, { method: "PATCH", json: { name: agent.name } }),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "POST /api/users/[id]/password-reset",
    request: async (s) => {
      const target = s === sessions.admin ? (await createTestUser(sessions.admin)).id : agent.id;
      return s.request(`/api/users/${target}/password-reset`, { method: "POST" });
    },
    expected: { anonymous: 401, agent: 403, admin: 201 },
  },
  {
    name: "POST /api/password-reset (a token nobody was given)",
    request: (s) =>
      s.request("/api/password-reset", {
        method: "POST",
        json: { token: "A".repeat(43), password: "matrix-new-password" },
      }),
    expected: { anonymous: 422, agent: 422, admin: 422 },
  },
  {
    name: "POST /api/password-reset/request",
    request: (s) =>
      s.request("/api/password-reset/request", { method: "POST", json: { email: "someone@example.com" } }),
    expected: { anonymous: 200, agent: 200, admin: 200 },
  },
  {
    name: "GET /api/settings/whatsapp",
    request: (s) => s.request("/api/settings/whatsapp"),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    // The test server's webhook settings come from the environment; the version is editable.
    name: "PATCH /api/settings/whatsapp",
    request: (s) =>
      s.request("/api/settings/whatsapp", { method: "PATCH", json: { setting: "graphApiVersion", value: "v26.0" } }),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "POST /api/settings/whatsapp/test-connection",
    request: (s) =>
      s.request("/api/settings/whatsapp/test-connection", {
        method: "POST",
        json: { phoneNumberId: "106540352242922" },
      }),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "GET /api/settings/phone-numbers",
    request: (s) => s.request("/api/settings/phone-numbers"),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "PATCH /api/settings/phone-numbers/[id]",
    request: async (s) => {
      const phoneNumberId = `3015${Date.now().toString().slice(-9)}`;
      const id = await ensurePhoneNumber({ db: getDb(), phoneNumberId, displayPhoneNumber: null, wabaId: null });
      return s.request(`/api/settings/phone-numbers/${id}`, {
        method: "PATCH",
        json: { name: "Matrix", wabaId: null },
      });
    },
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "PATCH /api/settings/phone-numbers/[id]/auto-assignment",
    request: async (s) => {
      const phoneNumberId = `3016${Date.now().toString().slice(-9)}`;
      const id = await ensurePhoneNumber({ db: getDb(), phoneNumberId, displayPhoneNumber: null, wabaId: null });
      return s.request(`/api/settings/phone-numbers/${id}/auto-assignment`, {
        method: "PATCH",
        json: { enabled: false, cap: 3 },
      });
    },
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    // Everyone sets their own (away again: the matrix leaves nobody online for auto-assignment).
    name: "PATCH /api/users/me/availability",
    request: (s) => s.request("/api/users/me/availability", { method: "PATCH", json: { availability: "away" } }),
    expected: { anonymous: 401, agent: 200, admin: 200 },
  },
  {
    name: "GET /api/settings/phone-numbers/[id]/business-hours",
    request: async (s) => s.request(`/api/settings/phone-numbers/${await matrixPhoneNumber()}/business-hours`),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "PATCH /api/settings/phone-numbers/[id]/business-hours",
    request: async (s) =>
      s.request(`/api/settings/phone-numbers/${await matrixPhoneNumber()}/business-hours`, {
        method: "PATCH",
        json: {
          timeZone: "Europe/Berlin",
          weekly: { mon: [{ start: "09:00", end: "17:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
          holidays: ["2026-12-25"],
          awayEnabled: true,
          awayText: "Closed",
          greetingEnabled: false,
          greetingText: "",
        },
      }),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "DELETE /api/settings/phone-numbers/[id]/business-hours",
    request: async (s) =>
      s.request(`/api/settings/phone-numbers/${await matrixPhoneNumber()}/business-hours`, { method: "DELETE" }),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "GET /api/settings/audit-log",
    request: (s) => s.request("/api/settings/audit-log"),
    expected: { anonymous: 401, agent: 403, admin: 200 },
  },
  {
    name: "POST /api/auth/setup (closed: users exist)",
    request: (s) =>
      s.request("/api/auth/setup", {
        method: "POST",
        json: { name: "Late", email: `late-${crypto.randomUUID()}@example.com`, password: "late-password" },
      }),
    expected: { anonymous: 403, agent: 403, admin: 403 },
  },
  {
    // The admin plugin's own endpoints are switched off: /api/users is the one way in.
    name: "POST /api/auth/admin/set-role (disabled)",
    request: (s) =>
      s.request("/api/auth/admin/set-role", { method: "POST", json: { userId: agent.id, role: "admin" } }),
    expected: { anonymous: 404, agent: 404, admin: 404 },
  },
  {
    name: "POST /api/auth/sign-up/email (disabled)",
    request: (s) =>
      s.request("/api/auth/sign-up/email", {
        method: "POST",
        json: { name: "Self", email: `self-${crypto.randomUUID()}@example.com`, password: "self-password" },
      }),
    expected: { anonymous: 404, agent: 404, admin: 404 },
  },
];

describe("API routes", () => {
  for (const apiCase of apiCases) {
    for (const who of ["anonymous", "agent", "admin"] as const) {
      it(`${who} ${apiCase.name} → ${apiCase.expected[who]}`, async () => {
        const response = await apiCase.request(sessions[who]);
        const body = await response.text();
        expect(response.status, body).toBe(apiCase.expected[who]);
        if (response.status === 401 || response.status === 403) {
          if (!apiCase.name.includes("/api/auth/")) {
            const error = (JSON.parse(body) as { error: { code: string; message: string } }).error;
            expect(error.code).toBe(response.status === 401 ? "unauthenticated" : "forbidden");
            expect(error.message.length).toBeGreaterThan(0);
          }
        }
      });
    }
  }

  it("GET /api/users/me answers who is signed in, saying how long the route took (Server-Timing)", async () => {
    const response = await sessions.agent.request("/api/users/me");
    expect(response.headers.get("server-timing")).toMatch(/^route;dur=\d+\.\d$/);
    expect(await response.json()).toEqual({
      user: { id: agent.id, email: agent.email, name: agent.name, role: "agent" },
    });
  });

  it("the agent is still an agent after the matrix (its role was never raised)", async () => {
    expect((await sessions.agent.request("/api/users")).status).toBe(403);
  });
});

describe("error shape", () => {
  it("answers 422 with the field for an invalid body", async () => {
    const response = await sessions.admin.request("/api/users", {
      method: "POST",
      json: { name: "No Email", email: "not-an-email", password: "long-enough" },
    });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("validation_failed");
    expect(error.message).toMatch(/^email: /);
  });

  it("answers 404 for an unknown user and 409 for an email that exists", async () => {
    const missing = await sessions.admin.request("/api/users/no-such-user/role", {
      method: "PATCH",
      json: { role: "admin" },
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const clash = await sessions.admin.request("/api/users", {
      method: "POST",
      json: { name: "Twin", email: agent.email.toUpperCase(), password: "twin-password" },
    });
    expect(clash.status).toBe(409);
    expect(((await clash.json()) as { error: { code: string } }).error.code).toBe("conflict");
  });

  it("answers 422 naming the field for a bad audit-log filter or deactivation choice", async () => {
    const kind = await sessions.admin.request("/api/settings/audit-log?kind=user.exploded");
    expect(kind.status).toBe(422);
    expect(((await kind.json()) as { error: { message: string } }).error.message).toMatch(/^kind: /);
    const target = await createTestUser(sessions.admin);
    const reassign = await sessions.admin.request(`/api/users/${target.id}/deactivate`, {
      method: "POST",
      json: { conversations: "reassign" },
    });
    expect(reassign.status).toBe(422);
    expect(((await reassign.json()) as { error: { message: string } }).error.message).toMatch(/^reassignTo: /);
    const edit = await sessions.admin.request(`/api/users/${target.id}`, { method: "PATCH", json: { email: "nope" } });
    expect(edit.status).toBe(422);
    expect(((await edit.json()) as { error: { message: string } }).error.message).toMatch(/^email: /);
  });

  it("answers 409 when an admin gives a user an email another user has", async () => {
    const target = await createTestUser(sessions.admin);
    const response = await sessions.admin.request(`/api/users/${target.id}`, {
      method: "PATCH",
      json: { email: agent.email },
    });
    expect(response.status).toBe(409);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const response = await sessions.admin.request("/api/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"name": "Broken",',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });
});
