// The team's tools: private notes (never sent to Meta, in order in the thread, @mentions live and in
// the Mentions view) and canned replies (shared and personal, who may change which, variables) —
// the real API, the real send worker, a fresh database and the fake Graph API recording every request.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import { INBOX_CHANNEL, type MentionsCreatedEvent } from "../../lib/realtime/channels";
import type { CannedReplyList, CannedReplyView } from "../../lib/views/canned-replies";
import type { ConversationDetail, ConversationPage, MessagePage, ThreadMessage } from "../../lib/views/inbox";
import { buildMessagesWebhook } from "../../lib/whatsapp/sample-payloads";
import { sampleInboundMessage } from "../../lib/whatsapp/sample-messages";
import { createTestUser, signedIn, type TestUser } from "../support/accounts";
import { createFreshDatabase, type FreshDatabase } from "../support/databases";
import { type GraphSandbox, startGraphSandbox } from "@/lib/sandbox/graph-api";
import { HttpSession } from "../support/http-session";
import { type RunningServer, type RunningWorker, startNextServer, startWorker } from "../support/processes";
import { connectRealtime, disconnectRealtimeClients, recordEvents, subscribed } from "../support/realtime";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";
import { appServerEnv } from "../support/app-env";

const TOKEN = `token-${randomBytes(6).toString("hex")}`;
const PHONE_NUMBER_ID = "106540352242933";

let database: FreshDatabase;
let db: PrismaClient;
let graph: GraphSandbox;
let server: RunningServer;
let worker: RunningWorker;
let admin: HttpSession;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let aliceSession: HttpSession;
let bobSession: HttpSession;
const secret = `secret-${randomBytes(8).toString("hex")}`;
const key = `notes_key_${randomBytes(10).toString("hex")}`;

beforeAll(async () => {
  database = await createFreshDatabase();
  db = createPrismaClient(database.url, 3);
  graph = await startGraphSandbox();
  graph.tokens.set(TOKEN, "valid");
  const adminAccount = { email: `notes-admin-${randomBytes(4).toString("hex")}@example.com`, password: "notes-pw-1" };
  const env = {
    ...appServerEnv({
      databaseUrl: database.url,
      graphUrl: graph.url,
      appSecret: secret,
      webhookKey: key,
      verifyToken: "notes-verify",
      admin: adminAccount,
    }),
    WHATSAPP_ACCESS_TOKEN: TOKEN,
    WORKER_POLL_MS: "250",
  };
  server = await startNextServer({ ...env, SEND_WORKER: "off" });
  worker = startWorker(env);
  admin = await signedIn(adminAccount.email, adminAccount.password, new HttpSession({ baseUrl: server.url }));
  [alice, bob, carol] = await Promise.all([createTestUser(admin), createTestUser(admin), createTestUser(admin)]);
  aliceSession = await signedIn(alice.email, alice.password, new HttpSession({ baseUrl: server.url }));
  bobSession = await signedIn(bob.email, bob.password, new HttpSession({ baseUrl: server.url }));
});

afterAll(async () => {
  disconnectRealtimeClients();
  await worker?.stop();
  await server?.stop();
  await graph?.close();
  await db?.$disconnect();
  await database?.drop();
});

async function customerWrites(name = "Nora Customer") {
  const wamid = uniqueWamid();
  const waId = uniqueWaId();
  const body = buildMessagesWebhook({
    phoneNumberId: PHONE_NUMBER_ID,
    contacts: [{ waId, name }],
    messages: [sampleInboundMessage("text", { from: waId, wamid, text: "Where is my order?" })],
  });
  expect((await postWebhook(body, { secret, key, baseUrl: server.url })).status).toBe(200);
  const stored = await eventually(() => db.message.findUnique({ where: { wamid } }), "the customer's message");
  return { conversationId: stored.conversationId, waId };
}

async function note(
  session: HttpSession,
  conversationId: string,
  text: string,
  extra: { mentionIds?: string[]; clientId?: string } = {},
) {
  const response = await session.request(`/api/conversations/${conversationId}/notes`, {
    method: "POST",
    json: { clientId: extra.clientId ?? randomUUID(), text, mentionIds: extra.mentionIds ?? [] },
  });
  return {
    status: response.status,
    body: (await response.json()) as { message: ThreadMessage; error?: { code: string; message: string } },
  };
}

async function reply(conversationId: string, text: string) {
  const response = await aliceSession.request(`/api/conversations/${conversationId}/messages`, {
    method: "POST",
    json: { clientId: randomUUID(), type: "text", text },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { message: ThreadMessage }).message;
}

async function json<T>(session: HttpSession, path: string): Promise<T> {
  const response = await session.request(path);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

const sendsTo = (waId: string) => graph.sent.filter((sent) => sent.body.to === waId);

describe("private notes", () => {
  it("are kept in the thread and never reach the Graph API, not even a send job; the list preview skips them", async () => {
    const customer = await customerWrites();
    const secretText = `Customer is VIP ${randomBytes(4).toString("hex")} — refund without asking`;
    const { status, body } = await note(aliceSession, customer.conversationId, secretText);
    expect(status).toBe(201);
    expect(body.message).toMatchObject({
      type: "note",
      text: secretText,
      wamid: null,
      status: null,
      sendState: null,
      author: { kind: "agent", id: alice.id, name: alice.name },
    });
    // A reply after it goes out: the worker is running, and it sent that and only that.
    await reply(customer.conversationId, "It ships today.");
    await eventually(async () => sendsTo(customer.waId).length === 1, "the reply sent");
    expect(graph.requests.some((request) => JSON.stringify(request.body ?? "").includes(secretText))).toBe(false);
    expect(await db.outboundSend.count({ where: { messageId: body.message.id } })).toBe(0);

    const stored = await db.message.findUniqueOrThrow({ where: { id: body.message.id } });
    expect(stored).toMatchObject({ authorKind: "note", sendState: null, wamid: null });
    const page = await json<ConversationPage>(aliceSession, `/api/conversations?ids=${customer.conversationId}`);
    expect(page.conversations[0]!.lastMessage).toMatchObject({ text: "It ships today.", direction: "outbound" });
  });

  it("are allowed after the 24-hour window closed, when replies are refused", async () => {
    const customer = await customerWrites();
    await db.conversation.update({
      where: { id: customer.conversationId },
      data: { lastInboundAt: new Date(Date.now() - 2 * 86_400_000) },
    });
    const refused = await aliceSession.request(`/api/conversations/${customer.conversationId}/messages`, {
      method: "POST",
      json: { clientId: randomUUID(), type: "text", text: "Too late" },
    });
    expect(refused.status).toBe(422);
    const { status } = await note(aliceSession, customer.conversationId, "Window closed: send the template tomorrow");
    expect(status).toBe(201);
  });

  it("page in order with the messages, every entry once, however small the pages", async () => {
    const customer = await customerWrites();
    const created: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      created.push((await note(aliceSession, customer.conversationId, `note ${index}`)).body.message.id);
      created.push((await reply(customer.conversationId, `reply ${index}`)).id);
    }
    const seen: ThreadMessage[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&before=${cursor}` : "?limit=2";
      const page: MessagePage = await json<MessagePage>(
        aliceSession,
        `/api/conversations/${customer.conversationId}/messages${query}`,
      );
      seen.unshift(...page.messages);
      cursor = page.olderCursor;
    } while (cursor);
    expect(seen.map((message) => message.text)).toEqual([
      "Where is my order?",
      "note 0",
      "reply 0",
      "note 1",
      "reply 1",
      "note 2",
      "reply 2",
    ]);
    expect(seen.slice(1).map((message) => message.id)).toEqual(created);
  });

  it("mentions a colleague live and in their unread Mentions view, cleared when they open the conversation", async () => {
    const customer = await customerWrites();
    const client = await connectRealtime(bobSession);
    const channel = await subscribed(client, INBOX_CHANNEL);
    const mentions = recordEvents<MentionsCreatedEvent>(channel, "mentions-created");

    // Carol is picked but her @Name was deleted from the text: she is not notified.
    const { status, body } = await note(
      aliceSession,
      customer.conversationId,
      `@${bob.name} can you check the courier?`,
      { mentionIds: [bob.id, carol.id] },
    );
    expect(status).toBe(201);
    const event = await mentions.waitFor((data) => data.conversationId === customer.conversationId);
    expect(event.userIds).toEqual([bob.id]);
    expect(JSON.stringify(event)).not.toContain("courier");

    expect(await json(bobSession, "/api/conversations/unread")).toMatchObject({ unreadMentions: 1 });
    const view = await json<ConversationPage>(bobSession, "/api/conversations?assignee=mentions&status=all");
    expect(view.conversations.map((row) => [row.id, row.unreadMentions])).toEqual([[customer.conversationId, 1]]);
    expect(await json(aliceSession, "/api/conversations/unread")).toMatchObject({ unreadMentions: 0 });
    expect(
      (await json<ConversationPage>(aliceSession, "/api/conversations?assignee=mentions&status=all")).conversations,
    ).toEqual([]);
    expect(await db.noteMention.count({ where: { messageId: body.message.id } })).toBe(1);

    const read = await bobSession.request(`/api/conversations/${customer.conversationId}/read`, { method: "POST" });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { conversation: ConversationDetail }).conversation.unreadMentions).toBe(0);
    expect(await json(bobSession, "/api/conversations/unread")).toMatchObject({ unreadMentions: 0 });
    const after = await json<ConversationPage>(bobSession, "/api/conversations?assignee=mentions&status=all");
    expect(after.conversations.map((row) => [row.id, row.unreadMentions])).toEqual([[customer.conversationId, 0]]);
  });

  it("refuses bad input precisely, and records a repeated POST once", async () => {
    const customer = await customerWrites();
    const path = `/api/conversations/${customer.conversationId}/notes`;
    const post = (json: unknown) => aliceSession.request(path, { method: "POST", json });
    const expectError = async (response: Response, status: number, message: RegExp) => {
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    };
    await expectError(await post({ clientId: randomUUID(), text: "   " }), 422, /text: Write a note first/);
    await expectError(await post({ clientId: "1", text: "x" }), 422, /clientId must be a UUID/);
    await expectError(await post({ clientId: randomUUID(), text: "a\u0000b" }), 422, /control characters/);
    await expectError(
      await post({ clientId: randomUUID(), text: "x", mentionIds: ["no-such-user"] }),
      422,
      /mentionIds: that colleague does not exist/,
    );
    await expectError(
      await aliceSession.request("/api/conversations/no-such-conversation/notes", {
        method: "POST",
        json: { clientId: randomUUID(), text: "x" },
      }),
      404,
      /Conversation not found/,
    );
    const clientId = randomUUID();
    const first = await note(aliceSession, customer.conversationId, "<b>once</b>", { clientId });
    const again = await note(aliceSession, customer.conversationId, "<b>once</b>", { clientId });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.message.id).toBe(first.body.message.id);
    expect(again.body.message.text).toBe("<b>once</b>");
    const clash = await note(aliceSession, customer.conversationId, "something else", { clientId });
    expect(clash.status).toBe(409);
  });
});

describe("canned replies", () => {
  const create = (session: HttpSession, body: Record<string, unknown>) =>
    session.request("/api/canned-replies", { method: "POST", json: body });
  const createOk = async (session: HttpSession, body: Record<string, unknown>) => {
    const response = await create(session, body);
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { cannedReply: CannedReplyView }).cannedReply;
  };

  it("admins manage the shared list (audited); agents keep their own and cannot touch others'", async () => {
    const shortcut = `where-${randomBytes(3).toString("hex")}`;
    const shared = await createOk(admin, { title: "Where is my order", shortcut, text: "Hi!", scope: "shared" });
    expect(shared).toMatchObject({ scope: "shared", canEdit: true, shortcut });
    expect(
      await db.auditLog.count({ where: { target: `canned_reply:${shared.id}`, action: "canned_reply.created" } }),
    ).toBe(1);

    // Agents may not add to, edit or delete the shared list.
    expect(
      (await create(aliceSession, { title: "T", shortcut: "agent-shared", text: "x", scope: "shared" })).status,
    ).toBe(403);
    const patchShared = await aliceSession.request(`/api/canned-replies/${shared.id}`, {
      method: "PATCH",
      json: { text: "hijacked" },
    });
    expect(patchShared.status).toBe(403);
    expect((await aliceSession.request(`/api/canned-replies/${shared.id}`, { method: "DELETE" })).status).toBe(403);

    // Alice's own: hers only. Bob does not see it and cannot change it; nor can the admin.
    const own = await createOk(aliceSession, { title: "Mine", shortcut, text: "Alice's version", scope: "personal" });
    expect(own).toMatchObject({ scope: "personal", canEdit: true });
    const bobList = await json<CannedReplyList>(bobSession, "/api/canned-replies");
    expect(bobList.cannedReplies.map((reply) => reply.id)).toContain(shared.id);
    expect(bobList.cannedReplies.map((reply) => reply.id)).not.toContain(own.id);
    expect(bobList.cannedReplies.find((reply) => reply.id === shared.id)?.canEdit).toBe(false);
    for (const session of [bobSession, admin]) {
      const response = await session.request(`/api/canned-replies/${own.id}`, { method: "PATCH", json: { text: "x" } });
      expect(response.status).toBe(404);
    }
    expect((await bobSession.request(`/api/canned-replies/${own.id}`, { method: "DELETE" })).status).toBe(404);

    const edited = await aliceSession.request(`/api/canned-replies/${own.id}`, {
      method: "PATCH",
      json: { text: "Alice's new version" },
    });
    expect(edited.status).toBe(200);
    expect(await db.auditLog.count({ where: { target: `canned_reply:${own.id}` } })).toBe(0);

    const adminEdit = await admin.request(`/api/canned-replies/${shared.id}`, {
      method: "PATCH",
      json: { title: "Where is my order?" },
    });
    expect(adminEdit.status).toBe(200);
    expect(
      await db.auditLog.findFirst({ where: { target: `canned_reply:${shared.id}`, action: "canned_reply.updated" } }),
    ).toMatchObject({ detail: "title", actorEmail: expect.stringContaining("notes-admin") });

    // A shortcut is unique per scope, whatever its case.
    const clash = await create(admin, { title: "Again", shortcut: shortcut.toUpperCase(), text: "x", scope: "shared" });
    expect(clash.status).toBe(409);
    expect(((await clash.json()) as { error: { message: string } }).error.message).toContain(`/${shortcut}`);

    expect((await aliceSession.request(`/api/canned-replies/${own.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.request(`/api/canned-replies/${shared.id}`, { method: "DELETE" })).status).toBe(204);
    expect(
      await db.auditLog.count({ where: { target: `canned_reply:${shared.id}`, action: "canned_reply.deleted" } }),
    ).toBe(1);
    expect(await db.cannedReply.count({ where: { id: { in: [own.id, shared.id] } } })).toBe(0);
  });

  it("fills the variables in for a conversation", async () => {
    const customer = await customerWrites("Zoë <Customer>");
    const reply = await createOk(aliceSession, {
      title: "Greeting",
      shortcut: `hi-${randomBytes(3).toString("hex")}`,
      text: "Hello {{contact.name}}, this is {{ agent.name }} from {{business.name}}. {{unknown.thing}}",
      scope: "personal",
    });
    const { conversation: detail } = await json<{ conversation: ConversationDetail }>(
      aliceSession,
      `/api/conversations/${customer.conversationId}`,
    );
    const business = detail.phoneNumber.name ?? detail.phoneNumber.displayPhoneNumber;
    const list = await json<CannedReplyList>(
      aliceSession,
      `/api/canned-replies?conversationId=${customer.conversationId}`,
    );
    const filled = list.cannedReplies.find((item) => item.id === reply.id);
    expect(filled?.text).toBe(reply.text);
    expect(filled?.filled).toBe(`Hello Zoë <Customer>, this is ${alice.name} from ${business}. {{unknown.thing}}`);

    // The team's name for the customer (the contact panel) wins over the WhatsApp profile name.
    const named = await aliceSession.request(`/api/contacts/${detail.contact.id}`, {
      method: "PATCH",
      json: { savedName: "Zoë Martin" },
    });
    expect(named.status).toBe(200);
    const renamed = await json<CannedReplyList>(
      aliceSession,
      `/api/canned-replies?conversationId=${customer.conversationId}`,
    );
    expect(renamed.cannedReplies.find((item) => item.id === reply.id)?.filled).toMatch(/^Hello Zoë Martin, this is /);
    expect((await aliceSession.request("/api/canned-replies?conversationId=nope")).status).toBe(404);
    expect((await aliceSession.request("/api/canned-replies?conversationId=a%20b")).status).toBe(422);
  });

  it("refuses bad input precisely", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ title: "", shortcut: "ok", text: "x", scope: "personal" }, /title: Give the reply a title/],
      [{ title: "T", shortcut: "has space", text: "x", scope: "personal" }, /shortcut: 1–40 letters/],
      [{ title: "T", shortcut: "ok", text: "  ", scope: "personal" }, /text: Write the reply's text/],
      [{ title: "T", shortcut: "ok", text: "x", scope: "team" }, /scope must be "shared" or "personal"/],
      [{ title: "T", shortcut: "ok", text: "x".repeat(4_097), scope: "personal" }, /text under 4096/],
    ];
    for (const [body, message] of cases) {
      const response = await create(aliceSession, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    const empty = await aliceSession.request("/api/canned-replies/whatever", { method: "PATCH", json: {} });
    expect(empty.status).toBe(422);
  });
});
