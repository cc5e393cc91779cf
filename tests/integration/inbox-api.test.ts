// The inbox JSON API as the browser uses it: list filters, search, keyset pages, assignment, per-agent
// read positions, thread pages with quotes and reactions — over HTTP against `next start`.
// Every test delivers its own conversations on its own WhatsApp number (a unique phone_number_id),
// so it can filter by that number and share the database with tests running in parallel.
import { randomBytes, randomInt } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import type {
  ConversationListItem,
  ConversationPage,
  MessagePage,
  ThreadMessage,
  UnreadSummary,
} from "../../lib/views/inbox";
import { type ConversationUpdatedEvent, INBOX_CHANNEL, realtimeEvents } from "../../lib/realtime/channels";
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";
import { createTestUser, signedIn, signInBootstrapAdmin, type TestUser } from "../support/accounts";
import { HttpSession } from "../support/http-session";
import { connectRealtime, disconnectRealtimeClients, recordEvents, subscribed } from "../support/realtime";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";

let admin: HttpSession;
let alice: { user: TestUser; session: HttpSession };
let bob: { user: TestUser; session: HttpSession };

beforeAll(async () => {
  admin = await signInBootstrapAdmin();
  const agent = async () => {
    const user = await createTestUser(admin);
    return { user, session: await signedIn(user.email, user.password) };
  };
  [alice, bob] = await Promise.all([agent(), agent()]);
});

afterEach(() => disconnectRealtimeClients());

// ── Seeding through signed webhooks ────────────────────────────────────────────────────────────

type Line = { text?: string; at?: number; wamid?: string; replyTo?: string };
type Customer = { waId: string; name: string; lines: Line[] };

/** One of our numbers, new for each test: filtering by it isolates the test's conversations. */
function newNumber() {
  return { phoneNumberId: `9${randomInt(1e9, 9e9)}${randomInt(1e4, 9e4)}`, display: `1555${randomInt(1e6, 9e6)}` };
}

const baseSeconds = Math.floor(Date.now() / 1000) - 3_600;

/** Delivers the customers' messages in one signed webhook and waits until all are stored. */
async function deliver(number: { phoneNumberId: string; display: string }, customers: Customer[]) {
  const messages = customers.flatMap((customer) =>
    customer.lines.map((line) => {
      line.wamid ??= uniqueWamid();
      return sampleInboundMessage("text", {
        from: customer.waId,
        wamid: line.wamid,
        text: line.text ?? `hello ${randomBytes(3).toString("hex")}`,
        timestamp: line.at ?? baseSeconds,
        contextWamid: line.replyTo,
      });
    }),
  );
  const body = buildMessagesWebhook({
    phoneNumberId: number.phoneNumberId,
    displayPhoneNumber: number.display,
    contacts: customers.map((customer) => ({ waId: customer.waId, name: customer.name })),
    messages,
  });
  expect((await postWebhook(body)).status).toBe(200);
  const wamids = customers.flatMap((customer) => customer.lines.map((line) => line.wamid!));
  await eventually(
    async () => (await getDb().message.count({ where: { wamid: { in: wamids } } })) === wamids.length,
    `${wamids.length} messages stored`,
  );
}

/** The customer reacts to one of their conversation's messages; waits until the reaction is stored. */
async function react({
  number,
  from,
  targetWamid,
  emoji,
  at,
}: {
  number: { phoneNumberId: string; display: string };
  from: Customer;
  targetWamid: string;
  emoji: string;
  at: number;
}) {
  const wamid = uniqueWamid();
  const body = buildMessagesWebhook({
    phoneNumberId: number.phoneNumberId,
    displayPhoneNumber: number.display,
    contacts: [{ waId: from.waId, name: from.name }],
    messages: [sampleInboundMessage("reaction", { from: from.waId, wamid, targetWamid, emoji, timestamp: at })],
  });
  expect((await postWebhook(body)).status).toBe(200);
  await eventually(async () => (await getDb().reaction.count({ where: { wamid } })) === 1, "the reaction");
}

async function conversationOf(waId: string): Promise<string> {
  const row = await getDb().conversation.findFirstOrThrow({ where: { contact: { waId } }, select: { id: true } });
  return row.id;
}

async function phoneRowId(phoneNumberId: string): Promise<string> {
  return (await getDb().phoneNumber.findUniqueOrThrow({ where: { phoneNumberId }, select: { id: true } })).id;
}

const customer = (name: string, lines: Line[] = [{}]): Customer => ({ waId: uniqueWaId(), name, lines });

// ── API helpers ────────────────────────────────────────────────────────────────────────────────

async function getJson<T>(session: HttpSession, path: string, status = 200): Promise<T> {
  const response = await session.request(path);
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(status);
  return (await response.json()) as T;
}

async function list(session: HttpSession, params: Record<string, string>): Promise<ConversationPage> {
  return getJson<ConversationPage>(session, `/api/conversations?${new URLSearchParams(params)}`);
}

const idsOf = (page: ConversationPage) => page.conversations.map((row) => row.id);

async function patch(session: HttpSession, id: string, json: unknown) {
  return session.request(`/api/conversations/${id}`, { method: "PATCH", json });
}

async function detail(session: HttpSession, id: string): Promise<ConversationListItem> {
  return (await getJson<{ conversation: ConversationListItem }>(session, `/api/conversations/${id}`)).conversation;
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

// ── Tests ──────────────────────────────────────────────────────────────────────────────────────

describe("inbox API access", () => {
  it("refuses anonymous requests with 401 on every endpoint", async () => {
    const anonymous = new HttpSession();
    const requests: [string, "GET" | "POST" | "PATCH"][] = [
      ["/api/conversations", "GET"],
      ["/api/conversations?ids=a", "GET"],
      ["/api/conversations/unread", "GET"],
      ["/api/conversations/cv_x", "GET"],
      ["/api/conversations/cv_x", "PATCH"],
      ["/api/conversations/cv_x/read", "POST"],
      ["/api/conversations/cv_x/messages", "GET"],
      ["/api/messages/msg_x", "GET"],
      ["/api/agents", "GET"],
      ["/api/phone-numbers", "GET"],
    ];
    for (const [path, method] of requests) {
      const response = await anonymous.request(path, { method, ...(method === "PATCH" ? { json: {} } : {}) });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect((await errorOf(response)).code).toBe("unauthenticated");
    }
  });

  it("lists active agents by name and our numbers to any signed-in agent", async () => {
    const carol = await createTestUser(admin);
    const { agents } = await getJson<{ agents: { id: string; name: string; role: string }[] }>(
      alice.session,
      "/api/agents",
    );
    expect(agents.map((agent) => agent.id)).toEqual(expect.arrayContaining([alice.user.id, bob.user.id, carol.id]));
    expect(agents.find((agent) => agent.id === alice.user.id)).toEqual({
      id: alice.user.id,
      name: alice.user.name,
      role: "agent",
      availability: "away", // new users start away (auto-assignment skips them)
    });
    expect((await admin.request(`/api/users/${carol.id}/deactivate`, { method: "POST" })).status).toBe(200);
    const after = await getJson<{ agents: { id: string }[] }>(alice.session, "/api/agents");
    expect(after.agents.some((agent) => agent.id === carol.id)).toBe(false);

    const number = newNumber();
    await deliver(number, [customer("Number Owner")]);
    const { phoneNumbers } = await getJson<{ phoneNumbers: Record<string, unknown>[] }>(
      alice.session,
      "/api/phone-numbers",
    );
    const ours = phoneNumbers.find((row) => row.displayPhoneNumber === number.display);
    expect(ours).toEqual({
      id: await phoneRowId(number.phoneNumberId),
      displayPhoneNumber: number.display,
      name: null,
      // Its business hours ("Back at" in the thread): none until an admin sets them.
      hours: null,
    });
  });
});

describe("conversation list", () => {
  it("filters by state, assignee and number, newest activity first, with the last message as preview", async () => {
    const number = newNumber();
    const other = newNumber();
    const open = customer("Filter Open", [
      { at: baseSeconds + 1, text: "first" },
      { at: baseSeconds + 30, text: "newest words" },
    ]);
    const pending = customer("Filter Pending", [{ at: baseSeconds + 20 }]);
    const resolved = customer("Filter Resolved", [{ at: baseSeconds + 10 }]);
    await deliver(number, [open, pending, resolved]);
    await deliver(other, [customer("Elsewhere")]);
    const [openId, pendingId, resolvedId] = (await Promise.all(
      [open, pending, resolved].map((c) => conversationOf(c.waId)),
    )) as [string, string, string];
    const phoneNumberId = await phoneRowId(number.phoneNumberId);

    expect((await patch(alice.session, openId, { assigneeId: alice.user.id })).status).toBe(200);
    expect((await patch(alice.session, pendingId, { status: "pending" })).status).toBe(200);
    expect((await patch(bob.session, resolvedId, { status: "resolved", assigneeId: bob.user.id })).status).toBe(200);

    const byDefault = await list(alice.session, { phoneNumberId });
    expect(idsOf(byDefault)).toEqual([openId]);
    const row = byDefault.conversations[0]!;
    expect(row).toMatchObject({
      status: "open",
      contact: { name: "Filter Open", waId: open.waId },
      phoneNumber: { id: phoneNumberId, displayPhoneNumber: number.display },
      assignee: { id: alice.user.id, name: alice.user.name, role: "agent" },
      lastMessageAt: new Date((baseSeconds + 30) * 1000).toISOString(),
      lastInboundAt: new Date((baseSeconds + 30) * 1000).toISOString(),
      lastMessage: { type: "text", text: "newest words", direction: "inbound", status: null },
      unreadCount: 2,
    });
    expect(typeof row.cursor).toBe("string");
    expect(byDefault.nextCursor).toBeNull();

    expect(idsOf(await list(alice.session, { phoneNumberId, status: "all" }))).toEqual([openId, pendingId, resolvedId]);
    expect(idsOf(await list(alice.session, { phoneNumberId, status: "pending" }))).toEqual([pendingId]);
    expect(idsOf(await list(alice.session, { phoneNumberId, status: "resolved" }))).toEqual([resolvedId]);
    expect(idsOf(await list(alice.session, { phoneNumberId, status: "all", assignee: "mine" }))).toEqual([openId]);
    expect(idsOf(await list(bob.session, { phoneNumberId, status: "all", assignee: "mine" }))).toEqual([resolvedId]);
    expect(idsOf(await list(alice.session, { phoneNumberId, status: "all", assignee: "unassigned" }))).toEqual([
      pendingId,
    ]);
    const elsewhere = await list(alice.session, {
      phoneNumberId: await phoneRowId(other.phoneNumberId),
      status: "all",
    });
    expect(idsOf(elsewhere)).toHaveLength(1);
    expect(idsOf(elsewhere)).not.toContain(openId);
  });

  it("searches names, number digits and message text; LIKE wildcards in q match literally", async () => {
    const number = newNumber();
    const tag = randomBytes(3).toString("hex");
    const named = customer(`Zelda ${tag} Quist`);
    const byNumber = customer("Number Person");
    const percent = customer("Percent Person", [{ text: `deal ${tag} 50% off today` }]);
    const almost = customer("Almost Person", [{ text: `deal ${tag} 500 off today` }]);
    const underscore = customer("Underscore Person", [{ text: `code ${tag}_x1` }]);
    await deliver(number, [named, byNumber, percent, almost, underscore]);
    const phoneNumberId = await phoneRowId(number.phoneNumberId);
    const [namedId, byNumberId, percentId, almostId, underscoreId] = await Promise.all(
      [named, byNumber, percent, almost, underscore].map((c) => conversationOf(c.waId)),
    );
    const search = async (q: string) => idsOf(await list(alice.session, { status: "all", phoneNumberId, q })).sort();

    expect(await search(`zelda ${tag}`)).toEqual([namedId]);
    // Digits as people type them: a + and spaces, a part of the number only.
    const digits = byNumber.waId.slice(-9);
    expect(await search(`+${digits.slice(0, 3)} ${digits.slice(3, 6)}-${digits.slice(6)}`)).toEqual([byNumberId]);
    expect(await search(`DEAL ${tag}`)).toEqual([percentId, almostId].sort());
    expect(await search(`${tag} 50% off`)).toEqual([percentId]);
    expect(await search(`${tag}_x`)).toEqual([underscoreId]);
    expect(await search(`${tag}_`)).toEqual([underscoreId]);
    expect(await search(`${tag}%`)).toEqual([]);
    expect(await search(`nothing-like-${tag}`)).toEqual([]);
    // Without a word of 3 letters or digits the trigram index cannot help: names and numbers only.
    expect(await search("50%")).toEqual([]);
    expect(await search("Person")).toHaveLength(4);
    // Whole-list search (no number filter) finds it too.
    expect(idsOf(await list(alice.session, { status: "all", q: `${tag} 50% off` }))).toEqual([percentId]);
  });

  it("walks every row once with keyset pages, ties in activity broken by id, and searches beyond the newest rows", async () => {
    const number = newNumber();
    const tag = randomBytes(3).toString("hex");
    // 130 conversations, only 10 distinct activity times: keyset order must break ties by id.
    const customers = Array.from({ length: 130 }, (_, index) =>
      customer(`Pager ${index}`, [
        {
          at: baseSeconds + (index % 10),
          text: index === 0 ? `oldest ${tag} needle` : `common ${tag} words${index % 3 === 1 ? ` some${tag}` : ""}`,
        },
      ]),
    );
    customers[0]!.lines[0]!.at = baseSeconds - 100;
    await deliver(number, customers);
    const phoneNumberId = await phoneRowId(number.phoneNumberId);
    const expected = new Set(await Promise.all(customers.map((c) => conversationOf(c.waId))));

    const seen: ConversationListItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ConversationPage = await list(alice.session, {
        phoneNumberId,
        limit: "7",
        ...(cursor ? { cursor } : {}),
      });
      expect(page.conversations.length).toBeLessThanOrEqual(7);
      if (page.nextCursor) expect(page.nextCursor).toBe(page.conversations.at(-1)!.cursor);
      seen.push(...page.conversations);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(pages).toBe(Math.ceil(130 / 7));
    expect(seen).toHaveLength(130);
    expect(new Set(seen.map((row) => row.id))).toEqual(expected);
    const times = seen.map((row) => row.lastMessageAt!);
    expect(times).toEqual([...times].sort().reverse());
    // The oldest row's text: found although a hundred newer conversations match nothing.
    const needle = await list(alice.session, { phoneNumberId, q: `${tag} needle`, limit: "5" });
    expect(idsOf(needle)).toEqual([seen.at(-1)!.id]);
    // A word in every conversation: pages of search results walk all of them too.
    const found = new Set<string>();
    cursor = null;
    do {
      const page: ConversationPage = await list(alice.session, {
        phoneNumberId,
        q: `common ${tag}`,
        limit: "50",
        ...(cursor ? { cursor } : {}),
      });
      for (const id of idsOf(page)) found.add(id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(found.size).toBe(129);
    // A word in every third conversation: more than one walk fills the first page, without repeats.
    const some = await list(alice.session, { phoneNumberId, q: `some${tag}`, limit: "50" });
    const expectedSome = seen.filter((row) => customers.findIndex((c) => c.waId === row.contact.waId) % 3 === 1);
    expect(idsOf(some)).toEqual(expectedSome.map((row) => row.id));
    expect(some.nextCursor).toBeNull();
  });

  it("answers exactly the rows named by ids, whatever the filters", async () => {
    const number = newNumber();
    const [first, second] = [customer("Ids One"), customer("Ids Two")];
    await deliver(number, [first, second]);
    const [firstId, secondId] = await Promise.all([conversationOf(first.waId), conversationOf(second.waId)]);
    expect((await patch(alice.session, secondId, { status: "resolved" })).status).toBe(200);
    const page = await list(alice.session, { ids: `${secondId},cv_unknown,${firstId}`, status: "pending" });
    expect(idsOf(page).sort()).toEqual([firstId, secondId].sort());
    expect(page.nextCursor).toBeNull();
    expect(page.conversations.find((row) => row.id === secondId)!.status).toBe("resolved");
    const tooMany = Array.from({ length: 101 }, (_, index) => `cv_${index}`).join(",");
    expect((await alice.session.request(`/api/conversations?ids=${tooMany}`)).status).toBe(422);
  });

  it("answers 422 with a clear message to a bad cursor or bad parameters", async () => {
    const forged = Buffer.from(JSON.stringify(["m", new Date().toISOString(), "x"])).toString("base64url");
    for (const cursor of ["not-a-cursor!", "abc", forged]) {
      const response = await alice.session.request(`/api/conversations?cursor=${encodeURIComponent(cursor)}`);
      expect(response.status).toBe(422);
      const error = await errorOf(response);
      expect(error.code).toBe("validation_failed");
      expect(error.message).toMatch(/^cursor: Not a valid cursor/);
    }
    for (const query of ["status=closed", "assignee=someone", "limit=0", "limit=101", "limit=ten"]) {
      expect((await alice.session.request(`/api/conversations?${query}`)).status, query).toBe(422);
    }
    // A NUL character cannot reach Postgres (it would be a 500): refused up front.
    for (const path of [
      "/api/conversations?q=ab%00cd",
      "/api/conversations/cv%00x",
      "/api/messages/m%00",
      "/api/conversations?ids=a%00",
    ]) {
      expect((await alice.session.request(path)).status, path).toBe(422);
    }
    expect((await patch(alice.session, "cv_x", { assigneeId: "u\u0000" })).status).toBe(422);
    expect((await alice.session.request("/api/conversations/cv_x/messages?before=zzz")).status).toBe(422);
    expect((await alice.session.request("/api/conversations/cv_x/messages?limit=201")).status).toBe(422);
  });
});

describe("conversation changes", () => {
  it("sets state, assigns and unassigns, refuses unknown or deactivated assignees, 404 when missing", async () => {
    const number = newNumber();
    const someone = customer("Patch Person");
    await deliver(number, [someone]);
    const id = await conversationOf(someone.waId);

    const resolved = await patch(alice.session, id, { status: "resolved" });
    expect(resolved.status).toBe(200);
    expect(((await resolved.json()) as { conversation: ConversationListItem }).conversation.status).toBe("resolved");

    const assigned = await patch(alice.session, id, { assigneeId: bob.user.id, status: "pending" });
    const { conversation } = (await assigned.json()) as { conversation: ConversationListItem };
    expect(conversation).toMatchObject({ id, status: "pending", assignee: { id: bob.user.id, name: bob.user.name } });
    expect((await detail(bob.session, id)).assignee?.id).toBe(bob.user.id);

    const unassigned = await patch(bob.session, id, { assigneeId: null });
    expect(((await unassigned.json()) as { conversation: ConversationListItem }).conversation.assignee).toBeNull();
    expect((await getDb().conversation.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();

    const unknown = await patch(alice.session, id, { assigneeId: "user_that_does_not_exist" });
    expect(unknown.status).toBe(422);
    expect((await errorOf(unknown)).message).toMatch(/assigneeId/);
    const gone = await createTestUser(admin);
    expect((await admin.request(`/api/users/${gone.id}/deactivate`, { method: "POST" })).status).toBe(200);
    expect((await patch(alice.session, id, { assigneeId: gone.id })).status).toBe(422);
    expect((await patch(alice.session, id, { status: "closed" })).status).toBe(422);
    expect((await patch(alice.session, id, {})).status).toBe(422);
    expect((await getDb().conversation.findUniqueOrThrow({ where: { id } })).status).toBe("pending");

    expect((await patch(alice.session, "cv_missing", { status: "open" })).status).toBe(404);
    const missing = await alice.session.request("/api/conversations/cv_missing");
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe("not_found");
  });

  it("tells every open inbox that the conversation changed (conversation-updated)", async () => {
    const number = newNumber();
    const someone = customer("Realtime Patch Person");
    await deliver(number, [someone]);
    const id = await conversationOf(someone.waId);
    const inbox = await subscribed(await connectRealtime(bob.session), INBOX_CHANNEL);
    const updated = recordEvents<ConversationUpdatedEvent>(inbox, realtimeEvents.conversationUpdated);
    expect((await patch(alice.session, id, { assigneeId: alice.user.id })).status).toBe(200);
    const event = await updated.waitFor((data) => data.conversationId === id, "conversation-updated");
    expect(event).toMatchObject({ conversationId: id, lastMessageId: null });
    // The row comes along, with the new assignee: the other inbox paints it without a request.
    expect(event.row?.id).toBe(id);
    expect(event.row?.assignee?.id).toBe(alice.user.id);
    expect(event.row).not.toHaveProperty("unreadCount");
  });
});

describe("read positions", () => {
  it("counts unread per agent: reading clears it for that agent only, a new message makes it unread again", async () => {
    const number = newNumber();
    const someone = customer("Unread Person", [
      { at: baseSeconds + 1 },
      { at: baseSeconds + 2 },
      { at: baseSeconds + 3 },
    ]);
    await deliver(number, [someone]);
    const id = await conversationOf(someone.waId);
    expect((await detail(alice.session, id)).unreadCount).toBe(3);

    const read = await alice.session.request(`/api/conversations/${id}/read`, { method: "POST" });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { conversation: ConversationListItem }).conversation.unreadCount).toBe(0);
    expect((await detail(alice.session, id)).unreadCount).toBe(0);
    expect((await detail(bob.session, id)).unreadCount).toBe(3);
    const phoneNumberId = await phoneRowId(number.phoneNumberId);
    expect((await list(alice.session, { phoneNumberId })).conversations[0]!.unreadCount).toBe(0);
    expect((await list(bob.session, { phoneNumberId })).conversations[0]!.unreadCount).toBe(3);

    await deliver(number, [{ ...someone, lines: [{ at: baseSeconds + 60, text: "are you there?" }] }]);
    expect((await detail(alice.session, id)).unreadCount).toBe(1);
    expect((await detail(bob.session, id)).unreadCount).toBe(4);
    expect((await alice.session.request("/api/conversations/cv_missing/read", { method: "POST" })).status).toBe(404);
  });

  it("caps the unread count at 100", async () => {
    const number = newNumber();
    const chatty = customer(
      "Chatty Person",
      Array.from({ length: 105 }, (_, index) => ({ at: baseSeconds + index })),
    );
    await deliver(number, [chatty]);
    expect((await detail(alice.session, await conversationOf(chatty.waId))).unreadCount).toBe(100);
  });

  it("summarises unread conversations for the signed-in agent", async () => {
    const number = newNumber();
    const someone = customer("Summary Person");
    await deliver(number, [someone]);
    const id = await conversationOf(someone.waId);
    const summary = async (session: HttpSession) =>
      (await getJson<UnreadSummary>(session, "/api/conversations/unread")).unreadConversations;
    // Other test files add conversations at the same time: repeat until one round saw none of them.
    // The summary stops counting at 100, and other tests' conversations are unread for both agents:
    // mark everything else read first, so this conversation is what the figures turn on.
    const readAllBut = async (conversationId: string) => {
      for (const { user } of [alice, bob]) {
        await getDb().$executeRaw`
          INSERT INTO conversation_reads (user_id, conversation_id, read_up_to)
          SELECT ${user.id}, c.id, 'infinity'::timestamptz FROM conversations c WHERE c.id <> ${conversationId}
          ON CONFLICT (user_id, conversation_id) DO UPDATE SET read_up_to = 'infinity'::timestamptz`;
      }
      await getDb().conversationRead.deleteMany({ where: { conversationId } });
    };
    await eventually(async () => {
      await readAllBut(id);
      const [aliceBefore, bobBefore] = [await summary(alice.session), await summary(bob.session)];
      await alice.session.request(`/api/conversations/${id}/read`, { method: "POST" });
      const [aliceAfter, bobAfter] = [await summary(alice.session), await summary(bob.session)];
      return aliceBefore - aliceAfter === 1 && bobBefore === bobAfter && bobAfter >= 1;
    }, "alice's summary to drop by exactly this conversation");

    // A reaction after the read is customer activity but no message: no badge on the row, so the
    // tab title must not count the conversation either.
    let reactedAt = baseSeconds + 60;
    await eventually(async () => {
      await readAllBut(id);
      await alice.session.request(`/api/conversations/${id}/read`, { method: "POST" });
      const before = await summary(alice.session);
      reactedAt += 1;
      await react({ number, from: someone, targetWamid: someone.lines[0]!.wamid!, emoji: "👍", at: reactedAt });
      expect((await detail(alice.session, id)).unreadCount).toBe(0);
      return (await summary(alice.session)) === before;
    }, "a reaction after the read to leave alice's summary as it was");
  });
});

describe("thread", () => {
  it("pages messages newest page first, each page oldest first, olderCursor walking back to the start", async () => {
    const number = newNumber();
    // 9 messages, two pairs sharing a timestamp: pages must split ties by id without losing any.
    const times = [1, 2, 3, 3, 4, 5, 5, 6, 7];
    const someone = customer(
      "Thread Person",
      times.map((at, index) => ({ at: baseSeconds + at, text: `line ${index}` })),
    );
    await deliver(number, [someone]);
    const id = await conversationOf(someone.waId);

    const pages: MessagePage[] = [];
    let before: string | null = null;
    do {
      const page: MessagePage = await getJson<MessagePage>(
        alice.session,
        `/api/conversations/${id}/messages?limit=4${before ? `&before=${before}` : ""}`,
      );
      pages.push(page);
      before = page.olderCursor;
    } while (before && pages.length < 10);
    expect(pages.map((page) => page.messages.length)).toEqual([4, 4, 1]);
    for (const page of pages) {
      const stamps = page.messages.map((message) => message.timestamp);
      expect(stamps).toEqual([...stamps].sort());
    }
    const all = [...pages].reverse().flatMap((page) => page.messages);
    expect(all.map((message) => message.text).sort()).toEqual(times.map((_, index) => `line ${index}`).sort());
    expect(new Set(all.map((message) => message.id)).size).toBe(9);
    expect(all.map((message) => message.timestamp)).toEqual(
      times.map((at) => new Date((baseSeconds + at) * 1000).toISOString()),
    );
    expect(all.at(-1)!.text).toBe("line 8");
    expect(all[0]).toMatchObject({
      conversationId: id,
      direction: "inbound",
      type: "text",
      wamid: someone.lines[0]!.wamid,
    });

    const empty = await getJson<MessagePage>(alice.session, "/api/conversations/cv_missing/messages", 404);
    expect(empty).toMatchObject({ error: { code: "not_found" } });
  });

  it("shows quoted messages and current reactions (one per reactor, removals gone); reactions are not messages", async () => {
    const number = newNumber();
    const quotedWamid = uniqueWamid();
    const unknownWamid = uniqueWamid();
    const someone = customer("Reply Person", [
      { at: baseSeconds + 1, text: "the original", wamid: quotedWamid },
      { at: baseSeconds + 2, text: "replying to it", replyTo: quotedWamid },
      { at: baseSeconds + 3, text: "replying to something we never stored", replyTo: unknownWamid },
    ]);
    await deliver(number, [someone]);
    const id = await conversationOf(someone.waId);
    const reactTo = (emoji: string, at: number) =>
      react({ number, from: someone, targetWamid: quotedWamid, emoji, at });
    await reactTo("❤️", baseSeconds + 10);

    const { messages } = await getJson<MessagePage>(alice.session, `/api/conversations/${id}/messages`);
    expect(messages.map((message) => message.text)).toEqual([
      "the original",
      "replying to it",
      "replying to something we never stored",
    ]);
    const [original, reply, orphan] = messages as [ThreadMessage, ThreadMessage, ThreadMessage];
    expect(original.reactions).toEqual([{ emoji: "❤️", direction: "inbound" }]);
    expect(original.replyTo).toBeNull();
    // What the message says comes as the server's view of Meta's payload, never the payload itself.
    expect(original.body).toEqual({ kind: "text", text: "the original" });
    expect(original).toMatchObject({ forwarded: false, referral: null, timestampIssue: null });
    expect(original).not.toHaveProperty("content");
    expect(original).not.toHaveProperty("errors");
    expect(reply.replyTo).toEqual({
      wamid: quotedWamid,
      found: true,
      id: original.id,
      type: "text",
      text: "the original",
      direction: "inbound",
      templateName: null,
    });
    expect(orphan.replyTo).toEqual({
      wamid: unknownWamid,
      found: false,
      id: null,
      type: null,
      text: null,
      direction: null,
      templateName: null,
    });

    // A later reaction replaces the sender's earlier one; an empty emoji removes it.
    await reactTo("👍", baseSeconds + 11);
    const single = await getJson<{ message: ThreadMessage }>(alice.session, `/api/messages/${original.id}`);
    expect(single.message.reactions).toEqual([{ emoji: "👍", direction: "inbound" }]);
    expect(single.message).toMatchObject({ id: original.id, text: "the original", conversationId: id });
    await reactTo("", baseSeconds + 12);
    expect(
      (await getJson<{ message: ThreadMessage }>(alice.session, `/api/messages/${original.id}`)).message.reactions,
    ).toEqual([]);
    // The list preview is still the newest thread message, not the reaction.
    expect((await detail(alice.session, id)).lastMessage?.text).toBe("replying to something we never stored");

    const missing = await alice.session.request("/api/messages/msg_missing");
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe("not_found");
  });

  it("answers what each message says as the server's view of Meta's payload, never the payload", async () => {
    const number = newNumber();
    const someone = customer("Ad Clicker", []);
    const wamids = [uniqueWamid(), uniqueWamid(), uniqueWamid()];
    const [adWamid, locationWamid, unsupportedWamid] = wamids as [string, string, string];
    const sample = (type: "text-with-referral" | "location" | "unsupported", wamid: string, at: number) =>
      sampleInboundMessage(type, { from: someone.waId, wamid, timestamp: baseSeconds + at });
    const body = buildMessagesWebhook({
      phoneNumberId: number.phoneNumberId,
      displayPhoneNumber: number.display,
      contacts: [{ waId: someone.waId, name: someone.name }],
      messages: [
        sample("text-with-referral", adWamid, 1),
        sample("location", locationWamid, 2),
        sample("unsupported", unsupportedWamid, 3),
      ],
    });
    expect((await postWebhook(body)).status).toBe(200);
    await eventually(
      async () => (await getDb().message.count({ where: { wamid: { in: wamids } } })) === 3,
      "3 messages stored",
    );

    const id = await conversationOf(someone.waId);
    const { messages } = await getJson<MessagePage>(alice.session, `/api/conversations/${id}/messages`);
    const [ad, location, unsupported] = messages as [ThreadMessage, ThreadMessage, ThreadMessage];
    expect(ad).toMatchObject({
      type: "text",
      body: { kind: "text", text: "Hi, I saw your ad — is the café menu still 20% off?" },
      referral: {
        sourceType: "ad",
        headline: "Chat with us on WhatsApp",
        body: "Weekend brunch, 20% off for new guests",
        sourceUrl: "https://fb.me/3cr4Wqqkb",
      },
    });
    expect(location.body).toMatchObject({ kind: "location", latitude: 48.8583701, name: "Tour Eiffel" });
    expect(unsupported.body).toEqual({
      kind: "unsupported",
      type: "unsupported",
      innerType: "poll_creation",
      errors: [{ code: 131051, title: "Message type unknown", details: "Message type is currently not supported." }],
    });
    for (const message of messages) {
      expect(Object.keys(message)).not.toContain("content");
      expect(Object.keys(message)).not.toContain("errors");
    }
  });
});
