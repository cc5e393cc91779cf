// Hostile values in every field of every JSON route, and in every dynamic path segment: nothing
// may answer 500. NUL, lone surrogates and undecodable segments get a 422 that names the field.
import { randomBytes, randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";
import { createTestUser, signInBootstrapAdmin, uniqueEmail, type TestUser } from "../support/accounts";
import { HttpSession } from "../support/http-session";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";

const HOSTILE: unknown[] = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "\u202e\u0007",
  "x".repeat(5_000),
  "😀".repeat(80),
  "",
  " ",
  "%00",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "null",
  0,
  -1,
  1e308,
  true,
  null,
  [],
  ["\u0000"],
  {},
  { __proto__: { admin: true } },
];

type Route = { method: "POST" | "PATCH" | "PUT"; path: string; body: () => Record<string, unknown> };

let admin: HttpSession;
let agent: TestUser;
let conversationId: string;
let phoneRowId: string;
const routes: Route[] = [];

beforeAll(async () => {
  admin = await signInBootstrapAdmin();
  agent = await createTestUser(admin);
  const phoneNumberId = `9${randomInt(1e9, 9e9)}${randomInt(1e4, 9e4)}`;
  const waId = uniqueWaId();
  const wamid = uniqueWamid();
  const webhook = buildMessagesWebhook({
    phoneNumberId,
    displayPhoneNumber: "15550001111",
    contacts: [{ waId, name: "Fuzz Customer" }],
    messages: [sampleInboundMessage("text", { from: waId, wamid, text: "hi" })],
  });
  expect((await postWebhook(webhook)).status).toBe(200);
  await eventually(async () => (await getDb().message.count({ where: { wamid } })) === 1, "the message");
  conversationId = (await getDb().conversation.findFirstOrThrow({ where: { contact: { waId } } })).id;
  phoneRowId = (await getDb().phoneNumber.findUniqueOrThrow({ where: { phoneNumberId } })).id;

  const password = () => `pw-${randomBytes(6).toString("hex")}`;
  const attributeOf = async (json: Record<string, unknown>) => {
    const response = await admin.request("/api/contact-attributes", { method: "POST", json });
    expect(response.status).toBe(201);
    return ((await response.json()) as { attribute: { id: string } }).attribute.id;
  };
  const contactId = (await getDb().contact.findUniqueOrThrow({ where: { waId } })).id;
  const fuzzSuffix = randomBytes(3).toString("hex");
  const textAttribute = await attributeOf({ name: `Fuzz text ${fuzzSuffix}`, type: "text" });
  const listAttribute = await attributeOf({ name: `Fuzz list ${fuzzSuffix}`, type: "list", options: ["A", "B"] });
  routes.push(
    {
      method: "POST",
      path: "/api/auth/setup",
      body: () => ({ name: "n", email: uniqueEmail(), password: password() }),
    },
    {
      method: "POST",
      path: "/api/users",
      body: () => ({ name: "Fuzzed", email: uniqueEmail("fuzz"), password: password(), role: "agent" }),
    },
    { method: "PATCH", path: `/api/users/${agent.id}/role`, body: () => ({ role: "agent" }) },
    {
      method: "PATCH",
      path: `/api/conversations/${conversationId}`,
      body: () => ({ status: "open", assigneeId: null }),
    },
    {
      method: "PATCH",
      path: `/api/settings/phone-numbers/${phoneRowId}`,
      body: () => ({ name: "Sales", wabaId: null }),
    },
    {
      method: "PATCH",
      path: `/api/settings/phone-numbers/${phoneRowId}/auto-assignment`,
      body: () => ({ enabled: false, cap: null }),
    },
    // "away" whatever the fuzz: a hostile value is refused, so the admin is never left online.
    { method: "PATCH", path: "/api/users/me/availability", body: () => ({ availability: "away" }) },
    { method: "PATCH", path: "/api/settings/whatsapp", body: () => ({ setting: "graphApiVersion", value: null }) },
    { method: "POST", path: "/api/settings/whatsapp/test-connection", body: () => ({ phoneNumberId: "123456789" }) },
    { method: "POST", path: "/api/webhook-events/retry", body: () => ({ ids: ["1"] }) },
    {
      method: "POST",
      path: "/api/contact-attributes",
      body: () => ({ name: `Fuzz ${randomBytes(4).toString("hex")}`, type: "list", options: ["A", "B"] }),
    },
    {
      method: "PATCH",
      path: `/api/contact-attributes/${listAttribute}`,
      body: () => ({ name: `Fuzz list ${fuzzSuffix}` }),
    },
    { method: "PUT", path: `/api/contacts/${contactId}/attributes/${textAttribute}`, body: () => ({ value: "x" }) },
    { method: "PUT", path: `/api/contacts/${contactId}/attributes/${listAttribute}`, body: () => ({ value: "A" }) },
  );
});

async function fuzzRoute(session: HttpSession, route: Route): Promise<string[]> {
  const failures: string[] = [];
  const fields = Object.keys(route.body());
  for (const field of [...fields, "__extra"]) {
    for (const value of HOSTILE) {
      const body = { ...route.body(), [field]: value };
      const response = await session.request(route.path, { method: route.method, json: body });
      const text = await response.text();
      if (response.status >= 500)
        failures.push(
          `${route.method} ${route.path} ${field}=${JSON.stringify(value)?.slice(0, 40)} → ${response.status} ${text.slice(0, 100)}`,
        );
    }
  }
  // The whole body hostile, too: not an object at all.
  for (const value of HOSTILE) {
    const response = await session.request(route.path, { method: route.method, json: value });
    if (response.status >= 500)
      failures.push(`${route.method} ${route.path} body=${JSON.stringify(value)?.slice(0, 40)} → ${response.status}`);
  }
  return failures;
}

describe("fuzzing every JSON route", () => {
  it("no hostile field value gets a 500 (admin)", async () => {
    const failures: string[] = [];
    for (const route of routes) failures.push(...(await fuzzRoute(admin, route)));
    expect(failures).toEqual([]);
  });

  // A route of its own: eight fields of hostile values take a while on a busy machine.
  it("no hostile field value gets a 500 (business hours)", async () => {
    const failures = await fuzzRoute(admin, {
      method: "PATCH",
      path: `/api/settings/phone-numbers/${phoneRowId}/business-hours`,
      body: () => ({
        timeZone: "Europe/Berlin",
        weekly: { mon: [{ start: "09:00", end: "17:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
        holidays: ["2026-12-25"],
        awayEnabled: false,
        awayText: "",
        greetingEnabled: false,
        greetingText: "",
      }),
    });
    expect(failures).toEqual([]);
  });

  it("no hostile sign-in body gets a 500", async () => {
    const failures = await fuzzRoute(new HttpSession(), {
      method: "POST",
      path: "/api/auth/sign-in/email",
      body: () => ({ email: uniqueEmail("nobody"), password: "wrong-password" }),
    });
    expect(failures).toEqual([]);
  });

  it("NUL and lone surrogates are a 422 naming the field", async () => {
    for (const value of ["a\u0000b", "\ud800"]) {
      const users = await admin.request("/api/users", {
        method: "POST",
        json: { name: value, email: uniqueEmail(), password: "pw-12345678", role: "agent" },
      });
      expect(users.status).toBe(422);
      expect(((await users.json()) as { error: { message: string } }).error.message).toMatch(/^name: /);
      const phone = await admin.request(`/api/settings/phone-numbers/${phoneRowId}`, {
        method: "PATCH",
        json: { name: value, wabaId: null },
      });
      expect(phone.status).toBe(422);
      expect(((await phone.json()) as { error: { message: string } }).error.message).toMatch(/^name: /);
      const assign = await admin.request(`/api/conversations/${conversationId}`, {
        method: "PATCH",
        json: { assigneeId: value },
      });
      expect(assign.status).toBe(422);
      expect(((await assign.json()) as { error: { message: string } }).error.message).toMatch(/^assigneeId: /);
    }
  });

  it("an assignee who does not exist is a 4xx, not a 500", async () => {
    const response = await admin.request(`/api/conversations/${conversationId}`, {
      method: "PATCH",
      json: { assigneeId: "no-such-user" },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe("fuzzing every dynamic path segment", () => {
  const SEGMENTS = ["%00", "a%00b", "%ED%A0%80", "%C0%AF", "%E0%A4%A", "%", "x".repeat(300), "%F0%9F%98%80", ".."];
  const templates: {
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
    path: (segment: string) => string;
    json?: unknown;
  }[] = [
    { method: "GET", path: (s) => `/api/conversations/${s}` },
    { method: "PATCH", path: (s) => `/api/conversations/${s}`, json: { status: "open" } },
    { method: "GET", path: (s) => `/api/conversations/${s}/messages` },
    { method: "POST", path: (s) => `/api/conversations/${s}/read`, json: {} },
    { method: "GET", path: (s) => `/api/messages/${s}` },
    { method: "PATCH", path: (s) => `/api/settings/phone-numbers/${s}`, json: { name: "x", wabaId: null } },
    {
      method: "PATCH",
      path: (s) => `/api/settings/phone-numbers/${s}/auto-assignment`,
      json: { enabled: false, cap: null },
    },
    { method: "GET", path: (s) => `/api/settings/phone-numbers/${s}/business-hours` },
    { method: "POST", path: (s) => `/api/users/${s}/deactivate`, json: {} },
    { method: "POST", path: (s) => `/api/users/${s}/reactivate`, json: {} },
    { method: "PATCH", path: (s) => `/api/users/${s}/role`, json: { role: "agent" } },
    { method: "GET", path: (s) => `/api/webhooks/whatsapp/${s}` },
    { method: "POST", path: (s) => `/api/webhooks/whatsapp/${s}`, json: {} },
    { method: "GET", path: (s) => `/inbox/${s}` },
    { method: "PATCH", path: (s) => `/api/contact-attributes/${s}`, json: { name: "x" } },
    { method: "DELETE", path: (s) => `/api/contact-attributes/${s}` },
    { method: "PUT", path: (s) => `/api/contacts/${s}/attributes/${s}`, json: { value: "x" } },
  ];

  it("never answers 500", async () => {
    const failures: string[] = [];
    for (const template of templates) {
      for (const segment of SEGMENTS) {
        const response = await admin.request(template.path(segment), {
          method: template.method,
          ...(template.json === undefined ? {} : { json: template.json }),
        });
        if (response.status >= 500) failures.push(`${template.method} ${template.path(segment)} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("a NUL or an undecodable segment is a 422 naming it", async () => {
    for (const path of ["/api/users/a%00b/deactivate", "/api/settings/phone-numbers/%00"]) {
      const response = await admin.request(path, { method: path.includes("phone") ? "PATCH" : "POST", json: {} });
      expect(response.status, path).toBe(422);
    }
    const nul = await admin.request("/api/users/a%00b/role", { method: "PATCH", json: { role: "agent" } });
    expect(((await nul.json()) as { error: { message: string } }).error.message).toMatch(/^userId: /);
    const surrogate = await admin.request("/api/conversations/%ED%A0%80");
    expect(surrogate.status).toBe(422);
    expect(((await surrogate.json()) as { error: { message: string } }).error.message).toMatch(/^path: /);
  });

  it("hostile query strings never answer 500", async () => {
    const failures: string[] = [];
    const params = ["status", "assignee", "phoneNumberId", "q", "cursor", "limit", "ids"];
    for (const param of params) {
      for (const raw of ["%00", "%ED%A0%80", "a%00b", encodeURIComponent("x".repeat(5000)), "-1", "%", "1e308"]) {
        const response = await admin.request(`/api/conversations?${param}=${raw}`);
        if (response.status >= 500) failures.push(`?${param}=${raw.slice(0, 20)} → ${response.status}`);
      }
    }
    for (const param of ["before", "limit"]) {
      for (const raw of ["%00", "%ED%A0%80", "-1", "%"]) {
        const response = await admin.request(`/api/conversations/${conversationId}/messages?${param}=${raw}`);
        if (response.status >= 500) failures.push(`messages ?${param}=${raw} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
