// The simulator's "fail the next send": each choice arms the stand-in (through the app's side of
// the control API) to fail the next send as Meta does, and the app reads each the way it must —
// 190 pauses sending with the token advice, a timeout is "not confirmed", only the next send fails.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { classifySendFailure } from "@/lib/outbound/send-outcome";
import { addCustomer, type SimulatedCustomer } from "@/lib/sandbox/customers";
import { type GraphSandbox, startGraphSandbox } from "@/lib/sandbox/graph-api";
import { injectFailure, sandboxFailureSchema } from "@/lib/sandbox/inject-failure";
import type { SandboxMode } from "@/lib/sandbox/sandbox-mode";
import { createGraphClient } from "@/lib/whatsapp/graph-client";

const state = vi.hoisted(() => ({ mode: { active: true, available: true, url: null } as SandboxMode }));
vi.mock("@/lib/sandbox/sandbox-mode", () => ({ getSandboxMode: async () => state.mode }));

const TOKEN = "EAAsandboxfailures000";
const NUMBER = "106540352242922";
let graph: GraphSandbox;
let app: Server;
let statuses: { id: string; status: string; errors?: { code: number; title: string }[] }[] = [];
let customer: SimulatedCustomer;

beforeAll(async () => {
  app = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", () => {
      statuses.push(...(JSON.parse(raw).entry[0].changes[0].value.statuses ?? []));
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  graph = await startGraphSandbox();
  graph.tokens.set(TOKEN, "valid");
  graph.webhookTarget = async () => ({
    url: `http://127.0.0.1:${(app.address() as { port: number }).port}/`,
    appSecret: "sandbox-secret",
  });
  state.mode = { active: true, available: true, url: graph.url };
});
afterAll(async () => {
  await graph.close();
  await new Promise((resolve) => app.close(resolve));
});
beforeEach(() => {
  statuses = [];
  customer = addCustomer(graph, {
    waId: `5511${Math.floor(Math.random() * 1e9)}`,
    name: "Yara",
    phoneNumberId: NUMBER,
    displayPhoneNumber: "15550783881",
  });
});

const send = (to: string) =>
  createGraphClient({ baseUrl: graph.url, version: "v26.0", accessToken: TOKEN, timeoutMs: 300 }).sendMessage(NUMBER, {
    messaging_product: "whatsapp",
    to,
    type: "text",
    text: { body: "Hello" },
  });

async function failedStatus(wamid: string) {
  for (let tries = 0; tries < 200; tries += 1) {
    const status = statuses.find((entry) => entry.id === wamid);
    if (status) return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("no status came");
}

describe("the simulator's failure controls", () => {
  it.each([
    ["undeliverable", 131026, "Message undeliverable"],
    ["media_fetch", 131053, "Media upload error"],
  ] as const)("%s: accepted, then a failed status with %i and Meta's title", async (failure, code, title) => {
    await injectFailure({ failure, recipient: customer.address });
    const result = await send(customer.address);
    if (!result.ok) throw new Error("Meta reports this one by status webhook");
    const status = await failedStatus(result.data.messages[0]!.id);
    expect(status).toMatchObject({ status: "failed", errors: [{ code, title }] });
    // Only the next send: the one after reaches the phone.
    expect((await send(customer.address)).ok).toBe(true);
    expect(customer.chat.filter((entry) => entry.from === "business")).toHaveLength(1);
  });

  it("token_expired: refused at once with 190/463, which the app reads as sending paused for the token", async () => {
    await injectFailure({ failure: "token_expired", recipient: null });
    const result = await send(customer.address);
    if (result.ok || result.failure.kind !== "meta") throw new Error("expected Meta's 190");
    expect(result.failure).toMatchObject({ httpStatus: 401, code: 190, subcode: 463 });
    const outcome = classifySendFailure(result.failure, 1);
    expect(outcome).toMatchObject({ kind: "failed", pausesSending: true });
    if (outcome.kind !== "failed") throw new Error("not failed");
    expect(outcome.error.advice).toMatch(/access token has expired or is invalid, so sending is paused/);
  });

  it("timeout: no answer, which the app reads as not confirmed (it may have reached the customer)", async () => {
    await injectFailure({ failure: "timeout", recipient: customer.address });
    const result = await send(customer.address);
    if (result.ok) throw new Error("expected no answer");
    expect(result.failure).toMatchObject({ kind: "network", requestSent: true, timedOut: true });
    expect(classifySendFailure(result.failure, 1).kind).toBe("unknown");
  });

  it("refuses a failure it does not know, and a recipient that is no address", () => {
    expect(sandboxFailureSchema.safeParse({ failure: "explode", recipient: null }).success).toBe(false);
    expect(sandboxFailureSchema.safeParse({ failure: "timeout", recipient: "" }).success).toBe(false);
    expect(sandboxFailureSchema.safeParse({ failure: "timeout", recipient: null }).success).toBe(true);
  });
});
