// The sandbox never signs with a real App Secret: `npm start`'s stand-in signs with a secret of its
// own, even when the app has its App Secret configured; the app believes that secret only while
// the sandbox is available.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { reloadEnv } from "@/lib/env";
import { customerSends } from "@/lib/sandbox/customers";
import type { SandboxMode } from "@/lib/sandbox/sandbox-mode";
import { signedBySandbox } from "@/lib/sandbox/sandbox-signature";
import { type RunningSandbox, runSandbox } from "@/lib/sandbox/run-sandbox";
import { signPayload, verifySignature } from "@/lib/whatsapp/signature";

const REAL_APP_SECRET = "the-app-secret-from-meta-0001";
const state = vi.hoisted(() => ({ mode: { active: true, available: true, url: null } as SandboxMode }));

vi.mock("@/lib/settings/webhook-config", () => ({
  getWebhookConfig: async () => ({
    webhookKey: "hook-key",
    appSecret: "the-app-secret-from-meta-0001",
    verifyToken: "v",
    fromEnv: { webhookKey: false, appSecret: true, verifyToken: false },
  }),
}));
vi.mock("@/lib/sandbox/sandbox-mode", () => ({ getSandboxMode: async () => state.mode }));
// No database here: the demo was never deleted (runSandbox asks before installing it on Meta's side).
vi.mock("@/lib/db/client", () => ({ getDb: () => ({}) }));
vi.mock("@/lib/db/settings", () => ({ getSetting: async () => null, updateSetting: async () => undefined }));

let app: Server;
let received: { url: string; raw: Buffer; header: string | null }[] = [];
let sandbox: RunningSandbox;

beforeAll(async () => {
  app = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const header = (request.headers["x-hub-signature-256"] as string | undefined) ?? null;
      received.push({ url: request.url ?? "", raw: Buffer.concat(chunks), header });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  sandbox = await runSandbox({ port: 0, appPort: (app.address() as { port: number }).port, statusDelayMs: 0 });
});
afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => app.close(resolve));
  delete process.env.SANDBOX_WEBHOOK_SECRET;
  reloadEnv();
});
beforeEach(() => {
  received = [];
  state.mode = { active: true, available: true, url: sandbox.url };
});

describe("the sandbox's webhook signatures", () => {
  it("are made with the sandbox's own secret, never the app's configured App Secret", async () => {
    const ana = sandbox.customers.get("5511987650001")!;
    await customerSends(sandbox, ana, { type: "text", text: { body: "Olá!" } });
    expect(received).toHaveLength(1);
    const [{ url, raw, header }] = received as [(typeof received)[number]];
    expect(url).toBe("/api/webhooks/whatsapp/hook-key");
    expect(verifySignature({ body: raw, header, appSecret: sandbox.webhookSecret })).toBe(true);
    expect(verifySignature({ body: raw, header, appSecret: REAL_APP_SECRET })).toBe(false);
    expect(sandbox.webhookSecret).not.toBe(REAL_APP_SECRET);
    expect(sandbox.webhookSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("turn Meta's limits and untidy statuses on in sandbox mode", () => {
    expect(sandbox.limits).toEqual({
      serviceWindow: true,
      pairRate: { intervalMs: 6_000, burst: 45 },
      throughputPerSecond: 80,
    });
    expect(sandbox.statusQuirks.outOfOrder).toBeGreaterThan(0);
    expect(sandbox.statusQuirks.duplicate).toBeGreaterThan(0);
  });
});

describe("the app's trust in the sandbox's secret", () => {
  const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
  beforeAll(() => {
    process.env.SANDBOX_WEBHOOK_SECRET = sandbox.webhookSecret;
    reloadEnv();
  });

  it("accepts its signature while the sandbox is available", async () => {
    expect(await signedBySandbox({ body, header: signPayload(body, sandbox.webhookSecret) })).toBe(true);
  });

  it("refuses it once a real number is connected (the sandbox is no longer available)", async () => {
    state.mode = { active: false, available: false, url: null };
    expect(await signedBySandbox({ body, header: signPayload(body, sandbox.webhookSecret) })).toBe(false);
  });

  it("refuses any other signature, and everything when no sandbox secret was given", async () => {
    expect(await signedBySandbox({ body, header: signPayload(body, "a-guess-at-the-secret-0000") })).toBe(false);
    expect(await signedBySandbox({ body, header: null })).toBe(false);
    delete process.env.SANDBOX_WEBHOOK_SECRET;
    reloadEnv();
    expect(await signedBySandbox({ body, header: signPayload(body, sandbox.webhookSecret) })).toBe(false);
  });
});
