// The WhatsApp settings page against its own `next start` with nothing set by environment variables
// (so every setting is editable), a fresh database holding plaintext secrets from an earlier
// version, and the local fake Graph API.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { decodeEncryptionKey, decryptSecret, isEncrypted } from "../../lib/settings/encryption";
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";
import { signedIn, uniqueEmail } from "../support/accounts";
import { createFreshDatabase, type FreshDatabase } from "../support/databases";
import { type GraphSandbox, startGraphSandbox } from "@/lib/sandbox/graph-api";
import { HttpSession, randomTestIp } from "../support/http-session";
import { type RunningServer, startNextServer } from "../support/processes";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";

const KEYS = {
  appSecret: "whatsapp.app_secret",
  verifyToken: "whatsapp.verify_token",
  webhookKey: "whatsapp.webhook_key",
  accessToken: "whatsapp.access_token",
} as const;

const encryptionKeyText = randomBytes(32).toString("hex");
const encryptionKey = decodeEncryptionKey(encryptionKeyText)!;
const legacy = {
  appSecret: `legacyPlaintextSecret${randomBytes(6).toString("hex")}`,
  verifyToken: `legacy-verify-${randomBytes(6).toString("hex")}`,
};
const adminAccount = { email: uniqueEmail("settings-admin"), password: `pw-${randomBytes(8).toString("hex")}` };

let database: FreshDatabase;
let db: PrismaClient;
let graph: GraphSandbox;
let server: RunningServer;
let admin: HttpSession;
/** Every secret value this file has used: none may ever appear in a page or an API answer. */
const secretsInPlay = new Set<string>(Object.values(legacy));

beforeAll(async () => {
  database = await createFreshDatabase();
  db = createPrismaClient(database.url, 2);
  // What versions before encryption at rest left in the table.
  await db.setting.createMany({
    data: [
      { key: KEYS.appSecret, value: legacy.appSecret },
      { key: KEYS.verifyToken, value: legacy.verifyToken },
    ],
  });
  graph = await startGraphSandbox();
  server = await startNextServer({
    DATABASE_URL: database.url,
    APP_ENCRYPTION_KEY: encryptionKeyText,
    WHATSAPP_GRAPH_API_URL: graph.url,
    // The test workers' own environment carries the main server's values: unset them here.
    WHATSAPP_APP_SECRET: "",
    WHATSAPP_VERIFY_TOKEN: "",
    WHATSAPP_WEBHOOK_KEY: "",
    ADMIN_EMAIL: adminAccount.email,
    ADMIN_PASSWORD: adminAccount.password,
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
  });
  admin = await signedIn(adminAccount.email, adminAccount.password, new HttpSession({ baseUrl: server.url }));
});

afterAll(async () => {
  await server?.stop();
  await graph?.close();
  await db?.$disconnect();
  await database?.drop();
});

const storedRow = async (key: string) => (await db.setting.findUnique({ where: { key } }))?.value ?? null;
const storedPlaintext = async (key: string) => {
  const stored = await storedRow(key);
  return stored === null ? null : decryptSecret({ key: encryptionKey, stored, context: key });
};

async function getSettings() {
  const response = await admin.request("/api/settings/whatsapp");
  const text = await response.text();
  expect(response.status, text).toBe(200);
  assertNoSecrets(text, "GET /api/settings/whatsapp");
  return (JSON.parse(text) as { settings: SettingsView }).settings;
}

type SettingsView = {
  settings: Record<
    string,
    { source: string; display: string | null; envVar: string; generated: boolean; problem: string | null }
  >;
  callbackUrlMasked: string;
  graphApiVersion: string;
};

async function save(setting: string, value: string | null) {
  const response = await admin.request("/api/settings/whatsapp", { method: "PATCH", json: { setting, value } });
  const text = await response.text();
  // Long values of secret settings must never come back, whether they were accepted or refused.
  if (value !== null && setting !== "graphApiVersion" && value.length >= 16) secretsInPlay.add(value);
  assertNoSecrets(text, `PATCH ${setting}`);
  return {
    status: response.status,
    body: JSON.parse(text) as { settings?: SettingsView; error?: { message: string } },
  };
}

function assertNoSecrets(text: string, where: string) {
  for (const secret of secretsInPlay) expect(text.includes(secret), `${where} contains a secret`).toBe(false);
}

function textWebhook(phoneNumberId?: string) {
  const from = uniqueWaId();
  return buildMessagesWebhook({
    ...(phoneNumberId ? { phoneNumberId, displayPhoneNumber: `+49 30 ${phoneNumberId.slice(-6)}` } : {}),
    contacts: [{ waId: from, name: "Settings" }],
    messages: [sampleInboundMessage("text", { from, wamid: uniqueWamid() })],
  });
}

const webhookKey = async () => (await storedPlaintext(KEYS.webhookKey))!;
const post = async (options: { secret: string; key?: string; body?: object }) =>
  postWebhook(options.body ?? textWebhook(), {
    secret: options.secret,
    key: options.key ?? (await webhookKey()),
    baseUrl: server.url,
    ip: randomTestIp(),
  });

describe("secrets stored by earlier versions", () => {
  it("keeps accepting webhooks signed with a plaintext App Secret and re-encrypts it in place", async () => {
    const view = await getSettings(); // loading the configuration generates the webhook key
    expect(view.settings.appSecret).toMatchObject({
      source: "stored",
      display: `••••••••${legacy.appSecret.slice(-4)}`,
    });
    for (const key of [KEYS.appSecret, KEYS.verifyToken, KEYS.webhookKey]) {
      expect(isEncrypted((await storedRow(key))!), key).toBe(true);
    }
    expect(await storedPlaintext(KEYS.appSecret)).toBe(legacy.appSecret);
    expect((await post({ secret: legacy.appSecret })).status).toBe(200);
    secretsInPlay.add(await webhookKey());
  });
});

describe("changing webhook settings takes effect at once", () => {
  it("admin saves the App Secret: the new one is accepted, the old one refused, without a restart", async () => {
    const before = await storedPlaintext(KEYS.appSecret);
    const appSecret = randomBytes(16).toString("hex");
    const { status, body } = await save("appSecret", appSecret);
    expect(status).toBe(200);
    expect(body.settings?.settings.appSecret?.display).toBe(`••••••••${appSecret.slice(-4)}`);
    expect((await post({ secret: appSecret })).status).toBe(200);
    const old = await post({ secret: before! });
    expect(old.status).toBe(401);
    expect(old.text).toMatch(/App Secret/);
  });

  it("a new verify token answers Meta's handshake and the old one is refused", async () => {
    const verifyToken = randomBytes(18).toString("base64url");
    expect((await save("verifyToken", verifyToken)).status).toBe(200);
    const handshake = async (token: string) => {
      const query = new URLSearchParams({
        "hub.mode": "subscribe",
        "hub.verify_token": token,
        "hub.challenge": "4242",
      });
      const response = await fetch(`${server.url}/api/webhooks/whatsapp/${await webhookKey()}?${query}`, {
        headers: { "x-forwarded-for": randomTestIp() },
      });
      return { status: response.status, text: await response.text() };
    };
    expect(await handshake(verifyToken)).toEqual({ status: 200, text: "4242" });
    expect((await handshake(legacy.verifyToken)).status).toBe(403);
  });

  it("rotating the webhook key moves the endpoint: the old URL answers 404, the new one 200", async () => {
    const oldKey = await webhookKey();
    const newKey = randomBytes(24).toString("base64url");
    expect((await admin.request("/settings/whatsapp")).status).toBe(200); // the page has the old key cached
    expect((await save("webhookKey", newKey)).status).toBe(200);
    const secret = (await storedPlaintext(KEYS.appSecret))!;
    expect((await post({ secret, key: oldKey })).status).toBe(404);
    expect((await post({ secret, key: newKey })).status).toBe(200);
    const view = await getSettings();
    // APP_URL is unset: the URL is built from the port, and only the last 4 characters of the key show.
    expect(view.callbackUrlMasked).toBe(
      `http://localhost:${server.port}/api/webhooks/whatsapp/••••••••${newKey.slice(-4)}`,
    );
    // The page (its own bundle in Next.js) must see the rotation too, not a copy of the old cache.
    const html = await (await admin.request("/settings/whatsapp")).text();
    expect(html).toContain(`/api/webhooks/whatsapp/••••••••${newKey.slice(-4)}`);
  });
});

describe("validation", () => {
  it.each([
    [
      "appSecret",
      "EAAGm0PX4ZCpsBAKZCZAqZBx3ZBexampleTokenValue",
      /^value: This is an access token, not the App Secret/,
    ],
    ["appSecret", "too-short", /^value: The App Secret is 32 hexadecimal characters/],
    ["verifyToken", "has spaces in it", /^value: The verify token must be 8–200 characters/],
    ["webhookKey", "short", /^value: The webhook key must be 16–128 characters/],
    ["accessToken", randomBytes(16).toString("hex"), /^value: This looks like the App Secret/],
    ["graphApiVersion", "26", /^value: Write the Graph API version as Meta does, e\.g\. v26\.0/],
    ["somethingElse", "x", /setting must be one of/],
  ])("refuses %s = %j with 422 and a precise message", async (setting, value, message) => {
    const { status, body } = await save(setting, value);
    expect(status).toBe(422);
    expect(body.error?.message).toMatch(message);
  });
});

describe("test connection against the (fake) Graph API", () => {
  const phoneNumberId = `1065${Date.now().toString().slice(-9)}`;
  const validToken = `EAAvalid${randomBytes(24).toString("hex")}`;
  const expiredToken = `EAAexpired${randomBytes(24).toString("hex")}`;
  const test = async (id = phoneNumberId) => {
    const response = await admin.request("/api/settings/whatsapp/test-connection", {
      method: "POST",
      json: { phoneNumberId: id },
    });
    const text = await response.text();
    assertNoSecrets(text, "POST test-connection");
    return { status: response.status, body: JSON.parse(text) as { result: Record<string, any> } };
  };

  beforeAll(() => {
    graph.tokens.set(validToken, "valid");
    graph.tokens.set(expiredToken, "expired");
    graph.phoneNumbers.set(phoneNumberId, {
      id: phoneNumberId,
      display_phone_number: "+1 555-010-0199",
      verified_name: "Acme Support",
      quality_rating: "GREEN",
    });
  });

  it("says so when no access token is saved", async () => {
    const { status, body } = await test();
    expect(status).toBe(200);
    expect(body.result).toMatchObject({ ok: false, message: expect.stringMatching(/No access token is saved yet/) });
  });

  it("reports the number's details with a working token, calling GET /{version}/{id} with the Bearer token", async () => {
    expect((await save("accessToken", validToken)).status).toBe(200);
    const { body } = await test();
    expect(body.result).toMatchObject({
      ok: true,
      graphApiVersion: "v26.0",
      phoneNumber: {
        id: phoneNumberId,
        displayPhoneNumber: "+1 555-010-0199",
        verifiedName: "Acme Support",
        qualityRating: "GREEN",
        codeVerificationStatus: "VERIFIED",
      },
    });
    expect(graph.requests.at(-1)).toMatchObject({
      method: "GET",
      path: `/v26.0/${phoneNumberId}`,
      authorization: `Bearer ${validToken}`,
      body: null,
    });
  });

  it("uses the Graph API version chosen on the page", async () => {
    expect((await save("graphApiVersion", "v25.0")).status).toBe(200);
    expect((await test()).body.result).toMatchObject({ ok: true, graphApiVersion: "v25.0" });
    expect(graph.requests.at(-1)?.path).toBe(`/v25.0/${phoneNumberId}`);
    expect((await save("graphApiVersion", null)).status).toBe(200);
    expect((await getSettings()).graphApiVersion).toBe("v26.0");
  });

  it("explains Meta's code 190 in words for an expired token", async () => {
    expect((await save("accessToken", expiredToken)).status).toBe(200);
    const { body } = await test();
    expect(body.result.ok).toBe(false);
    expect(body.result.message).toMatch(/^The access token has expired or is invalid \(the token has expired\)/);
    expect(body.result.meta).toMatchObject({ code: 190, subcode: 463, type: "OAuthException" });
    expect(body.result.meta.message).toMatch(/Session has expired/);
    expect(body.result.meta.fbtraceId).toMatch(/^A/);
  });

  it("passes on Meta's message and code for a number the token cannot read", async () => {
    expect((await save("accessToken", validToken)).status).toBe(200);
    const { body } = await test("999000111222");
    expect(body.result).toMatchObject({ ok: false, meta: { code: 100, subcode: 33 } });
    expect(body.result.message).toMatch(/does not know this phone number ID/);
    expect(body.result.meta.message).toMatch(/Object with ID '999000111222' does not exist/);
  });

  it("refuses a phone number ID that is not one (422)", async () => {
    const response = await admin.request("/api/settings/whatsapp/test-connection", {
      method: "POST",
      json: { phoneNumberId: "../me" },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^phoneNumberId: /);
  });
});

describe("phone numbers", () => {
  it("lists a number seen in a signed webhook; the admin names it and sets its WABA id", async () => {
    const phoneNumberId = `2075${Date.now().toString().slice(-9)}`;
    const secret = (await storedPlaintext(KEYS.appSecret))!;
    expect((await post({ secret, body: textWebhook(phoneNumberId) })).status).toBe(200);
    const listed = await eventually(async () => {
      const response = await admin.request("/api/settings/phone-numbers");
      const { phoneNumbers } = (await response.json()) as {
        phoneNumbers: { id: string; phoneNumberId: string; wabaId: string | null }[];
      };
      return phoneNumbers.find((number) => number.phoneNumberId === phoneNumberId);
    }, "the auto-registered number");
    // The webhook's entry id is the WABA id: ingestion fills it in, the admin may correct it.
    expect(listed).toMatchObject({ wabaId: "102290129340398" });

    const invalid = await admin.request(`/api/settings/phone-numbers/${listed.id}`, {
      method: "PATCH",
      json: { name: "Support", wabaId: "not-a-number" },
    });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toMatch(/^wabaId: /);

    const response = await admin.request(`/api/settings/phone-numbers/${listed.id}`, {
      method: "PATCH",
      json: { name: "  Support line  ", wabaId: "109876543210987" },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      phoneNumber: { id: listed.id, phoneNumberId, name: "Support line", wabaId: "109876543210987" },
    });
    const row = await db.phoneNumber.findUnique({ where: { id: listed.id }, include: { businessAccount: true } });
    expect(row?.businessAccount?.wabaId).toBe("109876543210987");
    const html = await (await admin.request("/settings/whatsapp")).text();
    expect(html).toContain("Support line");
    expect(html).toContain(phoneNumberId);

    const missing = await admin.request("/api/settings/phone-numbers/pn_nope", {
      method: "PATCH",
      json: { name: "x", wabaId: null },
    });
    expect(missing.status).toBe(404);
  });
});

describe("secrets at rest and in transit", () => {
  it("stores every secret as ciphertext that decrypts with APP_ENCRYPTION_KEY", async () => {
    for (const key of Object.values(KEYS)) {
      const stored = (await storedRow(key))!;
      expect(isEncrypted(stored), key).toBe(true);
      for (const secret of secretsInPlay) expect(stored.includes(secret), key).toBe(false);
      expect((await storedPlaintext(key))!.length).toBeGreaterThan(0);
    }
  });

  it("keeps every secret out of the settings page and every settings API; only last-4 masks appear", async () => {
    const page = await admin.request("/settings/whatsapp");
    expect(page.status).toBe(200);
    const html = await page.text();
    assertNoSecrets(html, "the settings page");
    const appSecret = (await storedPlaintext(KEYS.appSecret))!;
    const accessToken = (await storedPlaintext(KEYS.accessToken))!;
    expect(html).toContain(`••••••••${appSecret.slice(-4)}`);
    expect(html).toContain(`••••••••${accessToken.slice(-4)}`);
    for (const path of ["/api/settings/whatsapp", "/api/settings/phone-numbers", "/api/settings/audit-log"]) {
      const response = await admin.request(path);
      expect(response.status, path).toBe(200);
      assertNoSecrets(await response.text(), path);
    }
    expect(secretsInPlay.size).toBeGreaterThanOrEqual(7);
  });
});

describe("audit log", () => {
  it("records who changed which setting and when, latest first, never the value", async () => {
    const startedAt = Date.now();
    const verifyToken = randomBytes(18).toString("base64url");
    expect((await save("verifyToken", verifyToken)).status).toBe(200);
    const response = await admin.request("/api/settings/audit-log");
    const text = await response.text();
    assertNoSecrets(text, "GET /api/settings/audit-log");
    const { entries } = JSON.parse(text) as {
      entries: { at: string; actor: { email: string }; action: string; target: string; summary: string }[];
    };
    expect(entries[0]).toMatchObject({
      actor: { email: adminAccount.email },
      action: "setting.updated",
      target: KEYS.verifyToken,
      summary: "changed the Verify token",
    });
    expect(Date.parse(entries[0]!.at)).toBeGreaterThanOrEqual(startedAt - 1_000);
    const times = entries.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const summaries = entries.map((entry) => entry.summary);
    for (const expected of [
      "changed the App Secret",
      "changed the Webhook key",
      "changed the Access token",
      "removed the Graph API version",
      expect.stringMatching(/^edited phone number \d+ \(name, WABA id\)$/),
    ]) {
      expect(summaries).toContainEqual(expected);
    }
    // Refused changes (422) leave no entry.
    expect(entries.filter((entry) => entry.target === KEYS.appSecret)).toHaveLength(1);
    // The table has no place for a value, and the free-text detail holds none.
    const rows = await db.auditLog.findMany();
    for (const row of rows)
      for (const secret of secretsInPlay) expect(JSON.stringify(row).includes(secret)).toBe(false);
    const html = await (await admin.request("/settings/whatsapp")).text();
    expect(html).toContain("changed the Verify token");
    expect(html).toContain(adminAccount.email);
  });
});
