// Values set by environment variables win: the settings page shows them masked and locked, and the
// API refuses to change them. A production server without APP_ENCRYPTION_KEY says what is missing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { signedIn, signInBootstrapAdmin } from "../support/accounts";
import { HttpSession, randomTestIp } from "../support/http-session";
import { startNextServer } from "../support/processes";
import { postWebhook } from "../support/webhooks";
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";

let admin: HttpSession;
beforeAll(async () => {
  admin = await signInBootstrapAdmin();
});

const settingKeys: Record<string, string> = {
  appSecret: "whatsapp.app_secret",
  verifyToken: "whatsapp.verify_token",
  webhookKey: "whatsapp.webhook_key",
};
const auditEntries = (setting: string) => getDb().auditLog.count({ where: { target: settingKeys[setting] } });
const envSecrets = () => [inject("appSecret"), inject("verifyToken"), inject("webhookKey")];
const signedText = () => buildMessagesWebhook({ messages: [sampleInboundMessage("text")] });

describe("settings set by environment variables", () => {
  it("are shown masked and locked, never in full", async () => {
    const response = await admin.request("/api/settings/whatsapp");
    const text = await response.text();
    expect(response.status).toBe(200);
    for (const secret of envSecrets()) expect(text).not.toContain(secret);
    const { settings } = JSON.parse(text) as {
      settings: { settings: Record<string, { source: string; envVar: string; display: string }> };
    };
    expect(settings.settings.appSecret).toMatchObject({
      source: "env",
      envVar: "WHATSAPP_APP_SECRET",
      display: `••••••••${inject("appSecret").slice(-4)}`,
    });
    expect(settings.settings.verifyToken).toMatchObject({ source: "env", envVar: "WHATSAPP_VERIFY_TOKEN" });
    expect(settings.settings.webhookKey).toMatchObject({ source: "env", envVar: "WHATSAPP_WEBHOOK_KEY" });

    const html = await (await admin.request("/settings/whatsapp")).text();
    for (const secret of envSecrets()) expect(html).not.toContain(secret);
    expect(html).toContain("Set by WHATSAPP_APP_SECRET");
    expect(html).toContain("Set by WHATSAPP_VERIFY_TOKEN");
    // The lock is drawn (an inline icon), not an emoji that renders as a box without an emoji font.
    expect(html).not.toContain("🔒");
  });

  it.each([
    ["appSecret", "0123456789abcdef0123456789abcdef", "WHATSAPP_APP_SECRET"],
    ["verifyToken", "a-new-verify-token", "WHATSAPP_VERIFY_TOKEN"],
    ["webhookKey", "a_new_webhook_key_0123456789", "WHATSAPP_WEBHOOK_KEY"],
  ])(
    "refuses to change %s (409, naming %s) and keeps using the environment's value",
    async (setting, value, envVar) => {
      const before = await auditEntries(setting);
      const response = await admin.request("/api/settings/whatsapp", { method: "PATCH", json: { setting, value } });
      expect(response.status).toBe(409);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("conflict");
      expect(error.message).toContain(`is set by ${envVar} on the server`);
      expect((await postWebhook(signedText(), { ip: randomTestIp() })).status).toBe(200);
      const after = await auditEntries(setting);
      expect(after).toBe(before);
    },
  );
});

describe("production without APP_ENCRYPTION_KEY", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "inbox-no-key-"));
  let server: Awaited<ReturnType<typeof startNextServer>>;
  beforeAll(async () => {
    server = await startNextServer({
      DATABASE_URL: inject("databaseUrl"),
      DATA_DIR: dataDir,
      APP_ENCRYPTION_KEY: "",
      WHATSAPP_APP_SECRET: inject("appSecret"),
      WHATSAPP_WEBHOOK_KEY: inject("webhookKey"),
      WHATSAPP_VERIFY_TOKEN: inject("verifyToken"),
      ADMIN_EMAIL: inject("adminEmail"),
      ADMIN_PASSWORD: inject("adminPassword"),
      BETTER_AUTH_SECRET: inject("authSecret"),
      RECOVERY_LOOP: "off",
    });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps receiving webhooks configured by environment, and refuses to store a secret with a clear message", async () => {
    expect((await postWebhook(signedText(), { baseUrl: server.url, ip: randomTestIp() })).status).toBe(200);
    const session = await signedIn(
      inject("adminEmail"),
      inject("adminPassword"),
      new HttpSession({ baseUrl: server.url }),
    );
    const view = (await (await session.request("/api/settings/whatsapp")).json()) as {
      settings: { encryption: { ready: boolean; problem: string } };
    };
    expect(view.settings.encryption.ready).toBe(false);
    expect(view.settings.encryption.problem).toMatch(/^APP_ENCRYPTION_KEY is required in production/);
    const response = await session.request("/api/settings/whatsapp", {
      method: "PATCH",
      json: { setting: "accessToken", value: "EAAnotstoredwithoutakey0000000000" },
    });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /^APP_ENCRYPTION_KEY is required in production/,
    );
    expect(await getDb().setting.findUnique({ where: { key: "whatsapp.access_token" } })).toBeNull();
    const html = await (await session.request("/settings/whatsapp")).text();
    expect(html).toContain("APP_ENCRYPTION_KEY is required in production");
  });
});
