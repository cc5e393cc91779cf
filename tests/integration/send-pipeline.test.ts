// Agents reply: the send pipeline end to end — the real API and the real worker process, a fresh
// database, and the fake Graph API speaking Meta's exact shapes (it records every request and can
// refuse, hang or reset on request).
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { buildFieldWebhook, buildMessagesWebhook, sampleStatus } from "../../lib/whatsapp/sample-payloads";
import { sampleInboundMessage } from "../../lib/whatsapp/sample-messages";
import { signedIn } from "../support/accounts";
import { createFreshDatabase, type FreshDatabase } from "../support/databases";
import { type GraphSandbox, startGraphSandbox } from "@/lib/sandbox/graph-api";
import { HttpSession } from "../support/http-session";
import { type RunningServer, type RunningWorker, startNextServer, startWorker } from "../support/processes";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";
import { appServerEnv } from "../support/app-env";

const TOKEN = `token-${randomBytes(6).toString("hex")}`;
const SEND_TIMEOUT_MS = 1_500;
const PAIR_BURST = 2;
const PAIR_INTERVAL_MS = 400;
const PHONE_NUMBER_ID = "106540352242922";

let database: FreshDatabase;
let db: PrismaClient;
let graph: GraphSandbox;
let server: RunningServer;
let worker: RunningWorker;
let admin: HttpSession;
let env: Record<string, string>;
const secret = `secret-${randomBytes(8).toString("hex")}`;
const key = `send_key_${randomBytes(10).toString("hex")}`;

beforeAll(async () => {
  database = await createFreshDatabase();
  db = createPrismaClient(database.url, 3);
  graph = await startGraphSandbox();
  graph.tokens.set(TOKEN, "valid");
  const adminAccount = {
    email: `send-admin-${randomBytes(4).toString("hex")}@example.com`,
    password: "send-admin-pw-1",
  };
  env = {
    ...appServerEnv({
      databaseUrl: database.url,
      graphUrl: graph.url,
      appSecret: secret,
      webhookKey: key,
      verifyToken: "send-verify",
      admin: adminAccount,
    }),
    WHATSAPP_ACCESS_TOKEN: TOKEN,
    SEND_TIMEOUT_MS: String(SEND_TIMEOUT_MS),
    SEND_PAIR_BURST: String(PAIR_BURST),
    SEND_PAIR_INTERVAL_MS: String(PAIR_INTERVAL_MS),
    WORKER_POLL_MS: "250",
  };
  // As under `npm start`: the server acknowledges, the worker process sends.
  server = await startNextServer({ ...env, SEND_WORKER: "off" });
  worker = startWorker(env);
  admin = await signedIn(adminAccount.email, adminAccount.password, new HttpSession({ baseUrl: server.url }));
});

afterAll(async () => {
  await worker?.stop();
  await server?.stop();
  await graph?.close();
  await db?.$disconnect();
  await database?.drop();
});

/** A customer writes (a signed webhook); returns the conversation and their message's wamid. */
async function customerWrites({ waId = uniqueWaId(), userId }: { waId?: string | null; userId?: string } = {}) {
  const wamid = uniqueWamid();
  const message = sampleInboundMessage("text", {
    from: waId ?? undefined,
    wamid,
    text: "Hello, is my order on its way?",
  });
  if (!waId) {
    delete message.from;
    message.from_user_id = userId!;
  }
  const body = buildMessagesWebhook({
    phoneNumberId: PHONE_NUMBER_ID,
    contacts: [{ waId: waId ?? "", name: "Send Customer", ...(userId ? { userId } : {}) }],
    messages: [message],
  });
  if (!waId)
    (
      body.entry as { changes: { value: { contacts: { wa_id?: string }[] } }[] }[]
    )[0]!.changes[0]!.value.contacts[0]!.wa_id = undefined;
  expect((await postWebhook(body, { secret, key, baseUrl: server.url })).status).toBe(200);
  const stored = await eventually(() => db.message.findUnique({ where: { wamid } }), "the customer's message");
  return { conversationId: stored.conversationId, wamid, messageId: stored.id, waId };
}

async function reply(conversationId: string, text: string, extra: Record<string, unknown> = {}, session = admin) {
  const response = await session.request(`/api/conversations/${conversationId}/messages`, {
    method: "POST",
    json: { clientId: randomUUID(), type: "text", text, ...extra },
  });
  return {
    status: response.status,
    body: (await response.json()) as { message: { id: string; sendState: string } } & {
      error?: { code: string; message: string };
    },
  };
}

const sendsTo = (recipient: string) =>
  graph.sent.filter((sent) => sent.body.to === recipient || sent.body.recipient === recipient);
const requestsTo = (recipient: string) =>
  graph.requests.filter(
    (request) =>
      request.method === "POST" &&
      ((request.body as { to?: string })?.to === recipient ||
        (request.body as { recipient?: string })?.recipient === recipient),
  );

describe("sending a reply", () => {
  it("records it before anything is sent, then sends Meta's documented text body and shows ✓ with the wamid", async () => {
    const customer = await customerWrites();
    const { status, body } = await reply(customer.conversationId, "Yes, it ships today.");
    expect(status).toBe(201);
    expect(body.message.sendState).toBe("queued");
    expect(body.message).toMatchObject({
      status: "pending",
      wamid: null,
      direction: "outbound",
      text: "Yes, it ships today.",
    });

    const [sent] = await eventually(
      async () => sendsTo(customer.waId!).length === 1 && sendsTo(customer.waId!),
      "the send",
    );
    expect(sent!.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: customer.waId,
      type: "text",
      text: { body: "Yes, it ships today.", preview_url: false },
    });
    const stored = await eventually(async () => {
      const row = await db.message.findUnique({ where: { id: body.message.id } });
      return row?.sendState === "sent" && row;
    }, "the wamid stored");
    expect(stored).toMatchObject({ wamid: sent!.wamid, status: "sent", authorKind: "agent" });

    // The status webhooks that already exist take it on: delivered, then read.
    for (const next of ["delivered", "read"] as const) {
      const webhook = buildMessagesWebhook({
        phoneNumberId: PHONE_NUMBER_ID,
        contacts: [],
        statuses: [sampleStatus({ wamid: sent!.wamid, status: next, recipientId: customer.waId! })],
      });
      expect((await postWebhook(webhook, { secret, key, baseUrl: server.url })).status).toBe(200);
      await eventually(
        async () => (await db.message.findUnique({ where: { id: body.message.id } }))?.status === next,
        next,
      );
    }
  });

  it("marks the customer's message read first (on reply, the default), quotes with context and previews links", async () => {
    const customer = await customerWrites();
    const { body } = await reply(customer.conversationId, "See https://example.com/track", {
      replyToMessageId: customer.messageId,
    });
    await eventually(async () => sendsTo(customer.waId!).length === 1, "the send");
    const [sent] = sendsTo(customer.waId!);
    expect(sent!.body).toMatchObject({
      context: { message_id: customer.wamid },
      text: { body: "See https://example.com/track", preview_url: true },
    });
    const read = graph.requests.find(
      (request) => (request.body as { status?: string; message_id?: string })?.message_id === customer.wamid,
    );
    expect(read?.body).toEqual({ messaging_product: "whatsapp", status: "read", message_id: customer.wamid });
    expect(read!.at).toBeLessThan(sent!.at);
    const thread = await admin.request(`/api/messages/${body.message.id}`);
    expect(((await thread.json()) as { message: { replyTo: { wamid: string } } }).message.replyTo.wamid).toBe(
      customer.wamid,
    );
  });

  it("addresses a customer known only by a business-scoped user id with `recipient`", async () => {
    const userId = `US.${randomBytes(8).toString("hex")}`;
    const customer = await customerWrites({ waId: null, userId });
    await reply(customer.conversationId, "Hello by user id");
    const [sent] = await eventually(async () => sendsTo(userId).length === 1 && sendsTo(userId), "the send");
    expect(sent!.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      recipient: userId,
      type: "text",
      text: { body: "Hello by user id", preview_url: false },
    });
  });

  it("makes one message and one send of 20 parallel identical POSTs (the client id)", async () => {
    const customer = await customerWrites();
    const clientId = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        admin.request(`/api/conversations/${customer.conversationId}/messages`, {
          method: "POST",
          json: { clientId, type: "text", text: "Only once" },
        }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(19);
    await eventually(async () => sendsTo(customer.waId!).length === 1, "the send");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sendsTo(customer.waId!)).toHaveLength(1);
    expect(await db.message.count({ where: { conversationId: customer.conversationId, direction: "outbound" } })).toBe(
      1,
    );
  });

  it("assigns an unassigned conversation to the agent who replies", async () => {
    const customer = await customerWrites();
    await reply(customer.conversationId, "On it");
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: customer.conversationId } });
    expect(conversation.assigneeId).not.toBeNull();
  });
});

describe("what Meta answers", () => {
  it("retries a throughput refusal (130429) after a pause, then sends it once", async () => {
    const customer = await customerWrites();
    graph.rules.push({
      recipient: customer.waId!,
      times: 1,
      behaviour: { error: { status: 400, code: 130429, type: "OAuthException", message: "(#130429) Rate limit hit" } },
    });
    const { body } = await reply(customer.conversationId, "After a pause");
    await eventually(
      async () => (await db.message.findUnique({ where: { id: body.message.id } }))?.sendState === "sent",
      "sent",
    );
    const attempts = requestsTo(customer.waId!).filter(
      (request) => (request.body as { type?: string }).type === "text",
    );
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(sendsTo(customer.waId!)).toHaveLength(1);
  });

  it("fails 131047 with Meta's words, closes the window, and refuses the next reply with 422 window_closed", async () => {
    const customer = await customerWrites();
    graph.rules.push({
      recipient: customer.waId!,
      times: 1,
      behaviour: {
        error: {
          status: 400,
          code: 131047,
          type: "OAuthException",
          message: "Re-engagement message",
          details:
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        },
      },
    });
    const { body } = await reply(customer.conversationId, "Too late?");
    const failed = await eventually(async () => {
      const response = await admin.request(`/api/messages/${body.message.id}`);
      const { message } = (await response.json()) as {
        message: { sendState: string; status: string; sendError: { code: number; details: string; advice: string } };
      };
      return message.sendState === "failed" && message;
    }, "failed");
    expect(failed.status).toBe("failed");
    expect(failed.sendError.code).toBe(131047);
    expect(failed.sendError.details).toContain("more than 24 hours");
    expect(failed.sendError.advice).toContain("template");
    const next = await reply(customer.conversationId, "Another try");
    expect(next.status).toBe(422);
    expect(next.body.error?.code).toBe("window_closed");
  });

  it.each([
    [190, "Error validating access token: Session has expired", "access token"],
    [368, "Temporarily blocked for policies violations", "blocked"],
  ])("fails %i and pauses sending for everyone until an admin resumes it", async (code, message, words) => {
    const customer = await customerWrites();
    graph.rules.push({
      recipient: customer.waId!,
      times: 1,
      behaviour: { error: { status: code === 190 ? 401 : 400, code, type: "OAuthException", message } },
    });
    const first = await reply(customer.conversationId, "First");
    await eventually(
      async () => (await db.message.findUnique({ where: { id: first.body.message.id } }))?.sendState === "failed",
      "failed",
    );
    const status = (await (await admin.request("/api/sending-status")).json()) as {
      paused: boolean;
      problem: { code: number; advice: string };
    };
    expect(status.paused).toBe(true);
    expect(status.problem.code).toBe(code);
    expect(status.problem.advice.toLowerCase()).toContain(words);
    // The webhook health page says so too, with the queue behind it.
    const health = (await (await admin.request("/api/webhook-health")).json()) as {
      sending: { paused: boolean; problem: { code: number }; queued: number };
    };
    expect(health.sending.paused).toBe(true);
    expect(health.sending.problem.code).toBe(code);

    let resumed = false;
    try {
      const second = await reply(customer.conversationId, "Second, while paused");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect((await db.message.findUniqueOrThrow({ where: { id: second.body.message.id } })).sendState).toBe("queued");
      expect((await admin.request("/api/sending-status/resume", { method: "POST" })).status).toBe(200);
      resumed = true;
      await eventually(
        async () => (await db.message.findUnique({ where: { id: second.body.message.id } }))?.sendState === "sent",
        "sent after resuming",
      );
    } finally {
      // Sending stays paused otherwise, for every test after this one.
      if (!resumed) await admin.request("/api/sending-status/resume", { method: "POST" });
    }
  });

  it.each([
    ["a timeout", { hang: true } as const],
    ["a connection reset", { reset: true } as const],
  ])(
    "treats %s as unknown: never sent again by itself; Retry asks first and sends a new message",
    async (_name, behaviour) => {
      const customer = await customerWrites();
      graph.rules.push({ recipient: customer.waId!, times: 1, behaviour });
      const { body } = await reply(customer.conversationId, "Did this arrive?");
      await eventually(
        async () => (await db.message.findUnique({ where: { id: body.message.id } }))?.sendState === "unknown",
        "unknown",
        SEND_TIMEOUT_MS + 10_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(
        requestsTo(customer.waId!).filter((request) => (request.body as { type?: string }).type === "text"),
      ).toHaveLength(1);

      const unconfirmed = await admin.request(`/api/messages/${body.message.id}/retry`, {
        method: "POST",
        json: { clientId: randomUUID() },
      });
      expect(unconfirmed.status).toBe(409);
      const retried = await admin.request(`/api/messages/${body.message.id}/retry`, {
        method: "POST",
        json: { clientId: randomUUID(), confirmUnconfirmed: true },
      });
      expect(retried.status).toBe(201);
      const { message } = (await retried.json()) as { message: { id: string; retryOfId: string } };
      expect(message.retryOfId).toBe(body.message.id);
      const again = await eventually(async () => {
        const row = await db.message.findUnique({ where: { id: message.id } });
        return row?.sendState === "sent" && row;
      }, "the retry sent");
      expect(sendsTo(customer.waId!)).toHaveLength(1);
      expect(again.wamid).toBe(sendsTo(customer.waId!)[0]!.wamid);
    },
  );
});

describe("pacing and order", () => {
  it("sends to one customer in the order the agent wrote, never faster than the pair rate", async () => {
    const customer = await customerWrites();
    const texts = Array.from({ length: 6 }, (_, index) => `Message ${index + 1}`);
    for (const text of texts) expect((await reply(customer.conversationId, text)).status).toBe(201);
    await eventually(async () => sendsTo(customer.waId!).length === texts.length, "all sent", 20_000);
    const sent = sendsTo(customer.waId!);
    expect(sent.map((item) => (item.body.text as { body: string }).body)).toEqual(texts);
    const windowMs = PAIR_BURST * PAIR_INTERVAL_MS;
    for (let index = PAIR_BURST; index < sent.length; index++) {
      expect(sent[index]!.at - sent[index - PAIR_BURST]!.at).toBeGreaterThanOrEqual(windowMs);
    }
  });

  it("never sends faster than the number's throughput", async () => {
    const customers = await Promise.all(Array.from({ length: 8 }, () => customerWrites()));
    const phone = await db.phoneNumber.findUniqueOrThrow({ where: { phoneNumberId: PHONE_NUMBER_ID } });
    await db.phoneNumber.update({ where: { id: phone.id }, data: { throughputPerSecond: 4 } });
    try {
      // The worker reads the pace with each load; give it a moment to see the new one.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const since = performance.timeOrigin + performance.now();
      await Promise.all(customers.map((customer) => reply(customer.conversationId, "Paced")));
      await eventually(
        async () => customers.every((customer) => sendsTo(customer.waId!).length === 1),
        "all sent",
        110_000,
      ).catch(async (error: unknown) => {
        console.log(worker.output().slice(-3000));
        console.log(
          await db.$queryRaw`SELECT id, kind, state::text, attempts, not_before, started_at, error_code
                             FROM outbound_sends ORDER BY id DESC LIMIT 20`,
        );
        throw error;
      });
      const times = graph.sent
        .filter((sent) => sent.at >= since)
        .map((sent) => sent.at)
        .sort((a, b) => a - b);
      for (let index = 4; index < times.length; index++)
        expect(times[index]! - times[index - 4]!).toBeGreaterThanOrEqual(1_000);
    } finally {
      await db.phoneNumber.update({ where: { id: phone.id }, data: { throughputPerSecond: 80 } });
    }
  }, 150_000);
});

describe("sends recorded at the same moment", () => {
  it("one whose transaction commits after a later one's is still sent", async () => {
    const early = await customerWrites();
    const later = await customerWrites();
    const conversation = await db.conversation.findUniqueOrThrow({ where: { id: early.conversationId } });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      // An open transaction takes an id for a read receipt (as a reply's transaction does)…
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO outbound_sends (kind, conversation_id, phone_number_id, recipient_key, payload)
         VALUES ('read', $1, $2, $3, $4::jsonb)`,
        [
          conversation.id,
          conversation.phoneNumberId,
          conversation.contactId,
          JSON.stringify({ messaging_product: "whatsapp", status: "read", message_id: early.wamid }),
        ],
      );
      // …while a reply with a higher id commits and is sent: the worker has loaded past the first.
      const { body } = await reply(later.conversationId, "Committed first");
      await eventually(
        async () => (await db.message.findUnique({ where: { id: body.message.id } }))?.sendState === "sent",
        "the later reply sent",
      );
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
    await eventually(
      async () =>
        graph.requests.some(
          (request) =>
            request.method === "POST" && (request.body as { message_id?: string })?.message_id === early.wamid,
        ),
      "the read receipt that committed late sent",
      15_000,
    );
  });
});

describe("a worker killed", () => {
  it("between recording and sending: the next worker sends it, once", async () => {
    const customer = await customerWrites();
    await worker.stop("SIGKILL");
    const { body } = await reply(customer.conversationId, "Sent by the next worker");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sendsTo(customer.waId!)).toHaveLength(0);
    worker = startWorker(env);
    await eventually(
      async () => (await db.message.findUnique({ where: { id: body.message.id } }))?.sendState === "sent",
      "sent",
      20_000,
    );
    expect(sendsTo(customer.waId!)).toHaveLength(1);
  });

  it("while the request is out: unknown, never repeated", async () => {
    const customer = await customerWrites();
    graph.rules.push({ recipient: customer.waId!, times: 1, behaviour: { hang: true } });
    const { body } = await reply(customer.conversationId, "Out when the worker died");
    await eventually(
      async () => requestsTo(customer.waId!).some((request) => (request.body as { type?: string }).type === "text"),
      "the request out",
    );
    await worker.stop("SIGKILL");
    worker = startWorker(env);
    await eventually(
      async () => (await db.message.findUnique({ where: { id: body.message.id } }))?.sendState === "unknown",
      "unknown after the takeover",
      SEND_TIMEOUT_MS + 20_000,
    );
    expect(
      requestsTo(customer.waId!).filter((request) => (request.body as { type?: string }).type === "text"),
    ).toHaveLength(1);
  });
});

describe("a worker cut off from the lock", () => {
  /** The backend holding the send lock in this test's database. */
  const lockHolder = async () =>
    (
      await db.$queryRaw<{ pid: number }[]>`
        SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database
        WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()`
    )[0]?.pid ?? null;

  it("a takeover while its request is out: once it records the answer, the customer's next reply goes", async () => {
    // The standby would declare the send unknown itself after its own timeout (+ grace); a long one
    // leaves only the old leader's answer to free the customer's line.
    const standby = startWorker({ ...env, SEND_TIMEOUT_MS: "30000" });
    try {
      const customer = await customerWrites();
      graph.rules.push({ recipient: customer.waId!, times: 1, behaviour: { hang: true } });
      const first = await reply(customer.conversationId, "Out during the takeover");
      await eventually(
        async () => requestsTo(customer.waId!).some((request) => (request.body as { type?: string }).type === "text"),
        "the request out",
      );
      // The leader freezes with its request out and loses the lock; the standby takes over and
      // finds the send in flight, so it holds the customer's line.
      const leader = await lockHolder();
      expect(leader).not.toBeNull();
      worker.process.kill("SIGSTOP");
      try {
        await db.$queryRaw`SELECT pg_terminate_backend(${leader}::int)`;
        await eventually(async () => {
          const holder = await lockHolder();
          return holder !== null && holder !== leader;
        }, "the standby leading");
        const second = await reply(customer.conversationId, "After the takeover");
        expect(second.status).toBe(201);
        worker.process.kill("SIGCONT");
        // The old leader records its outcome (unknown: the request timed out) while the standby holds.
        await eventually(
          async () => (await db.message.findUnique({ where: { id: first.body.message.id } }))?.sendState === "unknown",
          "the old leader's answer recorded",
        );
        await eventually(
          async () => (await db.message.findUnique({ where: { id: second.body.message.id } }))?.sendState === "sent",
          "the next reply sent by the new leader",
          20_000,
        );
      } finally {
        worker.process.kill("SIGCONT");
      }
      const texts = requestsTo(customer.waId!)
        .map((request) => (request.body as { text?: { body: string } }).text?.body)
        .filter(Boolean);
      expect(texts).toEqual(["Out during the takeover", "After the takeover"]);
    } finally {
      await standby.stop();
    }
  }, 60_000);
});

describe("bad input", () => {
  it("answers each mistake precisely and queues nothing", async () => {
    const customer = await customerWrites();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ text: "   " }, 422, "text"],
      [{ text: "x".repeat(4_097) }, 422, "4096"],
      [{ text: "hi", clientId: "not-a-uuid" }, 422, "clientId"],
      [{ text: "hi", replyToMessageId: "msg_nope" }, 422, "replyToMessageId"],
    ];
    for (const [json, status, words] of cases) {
      const response = await admin.request(`/api/conversations/${customer.conversationId}/messages`, {
        method: "POST",
        json: { clientId: randomUUID(), type: "text", ...json },
      });
      expect(response.status, JSON.stringify(json).slice(0, 80)).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message.replace(",", "")).toContain(
        words,
      );
    }
    const missing = await reply("cv_does_not_exist", "hello");
    expect(missing.status).toBe(404);
    const ownReply = await reply(customer.conversationId, "ours");
    const reaction = await admin.request(`/api/conversations/${customer.conversationId}/reactions`, {
      method: "POST",
      json: { clientId: randomUUID(), targetMessageId: ownReply.body.message.id, emoji: "👍" },
    });
    expect(reaction.status).toBe(422);
    expect(await db.message.count({ where: { conversationId: customer.conversationId, direction: "outbound" } })).toBe(
      1,
    );
  });

  it("refuses with 409 naming the setting when no access token is configured", async () => {
    // The shared test server has no access token.
    const session = await signedIn(inject("adminEmail"), inject("adminPassword"));
    const response = await session.request("/api/conversations/cv_any/messages", {
      method: "POST",
      json: { clientId: randomUUID(), type: "text", text: "hello" },
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("access token");
  });
});

describe("the WhatsApp Business app on the same number", () => {
  it("shows its messages (smb_message_echoes) in the customer's thread as ours, from the app", async () => {
    const customer = await customerWrites();
    const wamid = uniqueWamid();
    const echo = buildFieldWebhook("smb_message_echoes", {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: "15550783881", phone_number_id: PHONE_NUMBER_ID },
      message_echoes: [
        {
          from: "15550783881",
          to: customer.waId,
          id: wamid,
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: "text",
          text: { body: "Sent from the phone app" },
        },
      ],
    });
    expect((await postWebhook(echo, { secret, key, baseUrl: server.url })).status).toBe(200);
    const stored = await eventually(() => db.message.findUnique({ where: { wamid } }), "the echo");
    expect(stored).toMatchObject({ conversationId: customer.conversationId, direction: "outbound" });
    const response = await admin.request(`/api/messages/${stored.id}`);
    const { message } = (await response.json()) as { message: { author: unknown; text: string; status: string } };
    expect(message).toMatchObject({
      author: { kind: "business_app" },
      text: "Sent from the phone app",
      status: "sent",
    });
  });
});

describe("reactions", () => {
  it("sends the documented reaction body; reacting again replaces it and removing sends an empty emoji", async () => {
    const customer = await customerWrites();
    for (const emoji of ["👍", "❤️", ""]) {
      const response = await admin.request(`/api/conversations/${customer.conversationId}/reactions`, {
        method: "POST",
        json: { clientId: randomUUID(), targetMessageId: customer.messageId, emoji },
      });
      expect(response.status).toBe(200);
    }
    const reactions = await eventually(
      async () => sendsTo(customer.waId!).length === 3 && sendsTo(customer.waId!),
      "three reactions",
      20_000,
    );
    expect(reactions.map((sent) => sent.body)).toEqual(
      ["👍", "❤️", ""].map((emoji) => ({
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: customer.waId,
        type: "reaction",
        reaction: { message_id: customer.wamid, emoji },
      })),
    );
  });
});
