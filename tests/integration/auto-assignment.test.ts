// Availability and auto-assignment: agents set themselves online or away (live for colleagues); an
// admin turns auto-assignment on per number (validated, audited, admins only); customers' new
// conversations, and re-opened unassigned ones, go round-robin to online agents in the order they
// joined, skipping those at the cap, those away and deactivated ones; nobody eligible → unassigned.
// A replayed webhook assigns nothing again. Customers write through the real webhook endpoint.
// New users start away, so the agents of other test files never take part; the tests of this file
// run one after another and send their own agents away when they end.
import { randomInt } from "node:crypto";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { autoAssignConversations } from "../../lib/assignment/auto-assign-conversations";
import { getDb } from "../../lib/db/client";
import { ensurePhoneNumber } from "../../lib/db/phone-numbers";
import {
  type AvailabilityChangedEvent,
  type ConversationCreatedEvent,
  INBOX_CHANNEL,
  realtimeEvents,
} from "../../lib/realtime/channels";
import type { AgentView } from "../../lib/views/inbox";
import type { PhoneNumberView } from "../../lib/views/settings";
import { buildMessagesWebhook, sampleInboundMessage } from "../../lib/whatsapp/sample-payloads";
import { createTestUser, signedIn, signInBootstrapAdmin, type TestUser } from "../support/accounts";
import { HttpSession } from "../support/http-session";
import { runScript } from "../support/processes";
import { connectRealtime, disconnectRealtimeClients, recordEvents, subscribed } from "../support/realtime";
import { eventually, postWebhook, uniqueWaId, uniqueWamid } from "../support/webhooks";

type Agent = TestUser & { session: HttpSession };

let admin: HttpSession;
const onlineAgents: Agent[] = [];

beforeAll(async () => {
  admin = await signInBootstrapAdmin();
});

afterEach(async () => {
  disconnectRealtimeClients();
  for (const agent of onlineAgents.splice(0)) await setAvailability(agent, "away", [200, 401]);
});

/** A new agent, signed in, who says they are online (in the order created: the round-robin's). */
async function onlineAgent(): Promise<Agent> {
  const user = await createTestUser(admin);
  const agent = { ...user, session: await signedIn(user.email, user.password) };
  await setAvailability(agent, "online");
  onlineAgents.push(agent);
  return agent;
}

async function setAvailability(agent: Agent, availability: "online" | "away", statuses = [200]) {
  const response = await agent.session.request("/api/users/me/availability", {
    method: "PATCH",
    json: { availability },
  });
  expect(statuses, await response.clone().text()).toContain(response.status);
}

/** One of our numbers, with auto-assignment as given. */
async function numberWithAutoAssignment(settings: { enabled: boolean; cap: number | null }) {
  const phoneNumberId = `6${randomInt(1e9, 9e9)}${randomInt(1e4, 9e4)}`;
  const id = await ensurePhoneNumber({ db: getDb(), phoneNumberId, displayPhoneNumber: null, wabaId: null });
  const response = await admin.request(`/api/settings/phone-numbers/${id}/auto-assignment`, {
    method: "PATCH",
    json: settings,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return { id, phoneNumberId };
}

function customerMessage(phoneNumberId: string, from: string, wamid = uniqueWamid(), timestamp?: number) {
  return buildMessagesWebhook({
    phoneNumberId,
    contacts: [{ waId: from, name: `Customer ${from.slice(-4)}` }],
    messages: [sampleInboundMessage("text", { from, wamid, text: "Where is my order?", timestamp })],
  });
}

/** A customer writes; answers their conversation once the message is in (assigned or not by then). */
async function customerWrites(phoneNumberId: string, from = uniqueWaId(), timestamp?: number) {
  const wamid = uniqueWamid();
  expect((await postWebhook(customerMessage(phoneNumberId, from, wamid, timestamp))).status).toBe(200);
  const message = await eventually(
    () => getDb().message.findUnique({ where: { wamid }, select: { conversationId: true } }),
    `the message ${wamid}`,
  );
  return { from, wamid, conversationId: message.conversationId };
}

async function assigneeOf(conversationId: string): Promise<string | null> {
  return (await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } })).assigneeId;
}

async function assigneesOfNewConversations(phoneNumberId: string, count: number): Promise<(string | null)[]> {
  const assignees: (string | null)[] = [];
  for (let index = 0; index < count; index += 1) {
    assignees.push(await assigneeOf((await customerWrites(phoneNumberId)).conversationId));
  }
  return assignees;
}

async function errorOf(response: Response, status: number): Promise<string> {
  const body = await response.text();
  expect(response.status, body).toBe(status);
  return (JSON.parse(body) as { error: { message: string } }).error.message;
}

describe("round-robin", () => {
  it("round-robin order and cap: A, B, A, B, then both at the cap → unassigned; a resolved one frees a place", async () => {
    const a = await onlineAgent();
    const b = await onlineAgent();
    const number = await numberWithAutoAssignment({ enabled: true, cap: 2 });

    const first = await assigneesOfNewConversations(number.phoneNumberId, 5);
    expect(first).toEqual([a.id, b.id, a.id, b.id, null]);

    // A resolves one of theirs: A has room again, B still has none.
    const [aConversation] = await getDb().conversation.findMany({
      where: { phoneNumberId: number.id, assigneeId: a.id },
    });
    const resolved = await a.session.request(`/api/conversations/${aConversation!.id}`, {
      method: "PATCH",
      json: { status: "resolved" },
    });
    expect(resolved.status).toBe(200);
    expect(await assigneesOfNewConversations(number.phoneNumberId, 2)).toEqual([a.id, null]);

    // Every automatic assignment is in the audit log, by the system.
    const entries = await getDb().auditLog.findMany({
      where: { action: "conversation.assigned", actorId: "system", targetLabel: { contains: a.email } },
    });
    expect(entries).toHaveLength(3);
    expect(entries[0]?.actorName).toBe("System");
  });

  it("without a cap, everyone online takes turns in the order they joined", async () => {
    const a = await onlineAgent();
    const b = await onlineAgent();
    const c = await onlineAgent();
    const number = await numberWithAutoAssignment({ enabled: true, cap: null });
    expect(await assigneesOfNewConversations(number.phoneNumberId, 4)).toEqual([a.id, b.id, c.id, a.id]);
  });

  it("several customers writing at once are dealt out in turn", async () => {
    const a = await onlineAgent();
    const b = await onlineAgent();
    const number = await numberWithAutoAssignment({ enabled: true, cap: null });
    const written = await Promise.all(Array.from({ length: 10 }, () => customerWrites(number.phoneNumberId)));
    const assignees = await Promise.all(written.map(({ conversationId }) => assigneeOf(conversationId)));
    expect(assignees.filter((id) => id === a.id)).toHaveLength(5);
    expect(assignees.filter((id) => id === b.id)).toHaveLength(5);
  });

  it("concurrent ingest transactions continue one sequence (the pointer's row is locked)", async () => {
    const a = await onlineAgent();
    const b = await onlineAgent();
    const number = await numberWithAutoAssignment({ enabled: true, cap: null });
    const db = getDb();
    const ids: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      const contact = await db.contact.create({ data: { waId: uniqueWaId() } });
      const conversation = await db.conversation.create({
        data: { contactId: contact.id, phoneNumberId: number.id, lastInboundAt: new Date() },
      });
      ids.push(conversation.id);
    }
    // Six batches at once, one new conversation each, as six ingesting processes would apply them.
    await Promise.all(
      ids.map((id) => db.$transaction((tx) => autoAssignConversations({ db: tx, conversationIds: [id] }))),
    );
    const assignees = await Promise.all(ids.map(assigneeOf));
    expect(assignees.filter((id) => id === a.id)).toHaveLength(3);
    expect(assignees.filter((id) => id === b.id)).toHaveLength(3);
  });

  it("skips an agent who is away and never picks a deactivated one; nobody online → unassigned", async () => {
    const a = await onlineAgent();
    const b = await onlineAgent();
    const c = await onlineAgent();
    const number = await numberWithAutoAssignment({ enabled: true, cap: null });

    await setAvailability(b, "away");
    expect(await assigneesOfNewConversations(number.phoneNumberId, 3)).toEqual([a.id, c.id, a.id]);

    expect((await admin.request(`/api/users/${c.id}/deactivate`, { method: "POST", json: {} })).status).toBe(200);
    await setAvailability(b, "online");
    // After A comes B (back online), then C is skipped: deactivated.
    expect(await assigneesOfNewConversations(number.phoneNumberId, 2)).toEqual([b.id, a.id]);

    await setAvailability(a, "away");
    await setAvailability(b, "away");
    expect(await assigneesOfNewConversations(number.phoneNumberId, 1)).toEqual([null]);
  });

  it("assigns nothing while auto-assignment is off (the default)", async () => {
    await onlineAgent();
    const phoneNumberId = `6${randomInt(1e9, 9e9)}${randomInt(1e4, 9e4)}`;
    expect(await assigneesOfNewConversations(phoneNumberId, 1)).toEqual([null]);
    const off = await numberWithAutoAssignment({ enabled: false, cap: 5 });
    expect(await assigneesOfNewConversations(off.phoneNumberId, 1)).toEqual([null]);
  });

  it("a re-opened conversation without an assignee is assigned; one with an assignee keeps it", async () => {
    const a = await onlineAgent();
    const b = await onlineAgent();
    const number = await numberWithAutoAssignment({ enabled: true, cap: null });
    const now = Math.floor(Date.now() / 1000);
    const first = await customerWrites(number.phoneNumberId, uniqueWaId(), now - 60);
    expect(await assigneeOf(first.conversationId)).toBe(a.id);

    // Resolved and unassigned by A; the customer writes again: the next in turn (B) gets it.
    const done = await a.session.request(`/api/conversations/${first.conversationId}`, {
      method: "PATCH",
      json: { status: "resolved", assigneeId: null },
    });
    expect(done.status).toBe(200);
    await customerWrites(number.phoneNumberId, first.from, now - 30);
    const reopened = await getDb().conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
    expect(reopened).toMatchObject({ status: "open", assigneeId: b.id });

    // Resolved but still B's: writing again re-opens it for B, nobody else.
    await b.session.request(`/api/conversations/${first.conversationId}`, {
      method: "PATCH",
      json: { status: "resolved" },
    });
    await customerWrites(number.phoneNumberId, first.from, now);
    expect(await assigneeOf(first.conversationId)).toBe(b.id);
  });

  it("a replayed webhook does not assign again", async () => {
    const a = await onlineAgent();
    const b = await onlineAgent();
    const number = await numberWithAutoAssignment({ enabled: true, cap: null });
    const from = uniqueWaId();
    const wamid = uniqueWamid();
    const body = customerMessage(number.phoneNumberId, from, wamid);
    expect((await postWebhook(body)).status).toBe(200);
    const { conversationId } = await eventually(
      () => getDb().message.findUnique({ where: { wamid }, select: { conversationId: true } }),
      "the message",
    );
    expect(await assigneeOf(conversationId)).toBe(a.id);
    // A hands it back: unassigned on purpose.
    await a.session.request(`/api/conversations/${conversationId}`, { method: "PATCH", json: { assigneeId: null } });

    // Meta's retry (the same event, delivered again with other whitespace) and a replay of the stored body.
    expect((await postWebhook(JSON.stringify(body, null, 1))).status).toBe(200);
    const [event] = await eventually(
      () =>
        getDb().$queryRaw<{ id: bigint; state: string }[]>`
          SELECT id, state::text FROM raw_events WHERE position(${Buffer.from(wamid)} in body) > 0 ORDER BY id`.then(
          (rows) => (rows.length === 2 && rows.every((row) => row.state === "processed") ? rows : null),
        ),
      "both deliveries processed",
    );
    const replay = await runScript("events:replay", ["--id", String(event!.id)], {
      DATABASE_URL: inject("databaseUrl"),
    });
    expect(replay.output).toContain("processed 1");
    expect(await assigneeOf(conversationId)).toBeNull();
    const audited = await getDb().auditLog.count({
      where: { action: "conversation.assigned", target: `conversation:${conversationId}` },
    });
    expect(audited).toBe(2); // the automatic assignment and A's unassigning, nothing from the replays

    // The round-robin did not move either: the next new conversation is B's.
    expect(await assigneesOfNewConversations(number.phoneNumberId, 1)).toEqual([b.id]);
  });
});

describe("availability", () => {
  it("an agent goes online and away; colleagues see it in the agent list and live", async () => {
    const colleague = await onlineAgent();
    const user = await createTestUser(admin);
    const agent: Agent = { ...user, session: await signedIn(user.email, user.password) };

    const listed = async () =>
      ((await (await colleague.session.request("/api/agents")).json()) as { agents: AgentView[] }).agents.find(
        (entry) => entry.id === agent.id,
      );
    expect((await listed())?.availability).toBe("away"); // new users start away

    const client = await connectRealtime(colleague.session);
    const events = recordEvents<AvailabilityChangedEvent>(
      await subscribed(client, INBOX_CHANNEL),
      realtimeEvents.availabilityChanged,
    );
    onlineAgents.push(agent);
    await setAvailability(agent, "online");
    await events.waitFor((event) => event.userId === agent.id && event.availability === "online");
    expect((await listed())?.availability).toBe("online");

    const bad = (json: unknown) => agent.session.request("/api/users/me/availability", { method: "PATCH", json });
    expect(await errorOf(await bad({ availability: "busy" }), 422)).toMatch(/^availability: /);
    expect(await errorOf(await bad({}), 422)).toMatch(/^availability: /);
    expect((await new HttpSession().request("/api/users/me/availability", { method: "PATCH", json: {} })).status).toBe(
      401,
    );
  });

  it("an automatic assignment reaches open inboxes with its assignee", async () => {
    const a = await onlineAgent();
    const number = await numberWithAutoAssignment({ enabled: true, cap: null });
    const client = await connectRealtime(admin);
    const created = recordEvents<ConversationCreatedEvent>(
      await subscribed(client, INBOX_CHANNEL),
      realtimeEvents.conversationCreated,
    );
    const { conversationId } = await customerWrites(number.phoneNumberId);
    const event = await created.waitFor((data) => data.conversationId === conversationId);
    expect(event.row?.assignee).toMatchObject({ id: a.id, name: a.name });
  });
});

describe("settings", () => {
  it("admins only: agents get 403; bad values are a 422 naming the field; changes are audited and listed", async () => {
    const phoneNumberId = `6${randomInt(1e9, 9e9)}${randomInt(1e4, 9e4)}`;
    const id = await ensurePhoneNumber({ db: getDb(), phoneNumberId, displayPhoneNumber: null, wabaId: null });
    const path = `/api/settings/phone-numbers/${id}/auto-assignment`;
    const user = await createTestUser(admin);
    const agent = await signedIn(user.email, user.password);
    expect(
      await errorOf(await agent.request(path, { method: "PATCH", json: { enabled: true, cap: null } }), 403),
    ).toBeTruthy();

    const bad = (json: unknown) => admin.request(path, { method: "PATCH", json });
    expect(await errorOf(await bad({ enabled: true, cap: 0 }), 422)).toMatch(/^cap: /);
    expect(await errorOf(await bad({ enabled: true, cap: 1001 }), 422)).toMatch(/^cap: /);
    expect(await errorOf(await bad({ enabled: true, cap: 2.5 }), 422)).toMatch(/^cap: /);
    expect(await errorOf(await bad({ enabled: true, cap: "5" }), 422)).toMatch(/^cap: /);
    expect(await errorOf(await bad({ enabled: "yes", cap: null }), 422)).toMatch(/^enabled: /);
    expect(await errorOf(await bad({ cap: 5 }), 422)).toMatch(/^enabled: /);
    expect(
      await errorOf(
        await admin.request("/api/settings/phone-numbers/no-such-number/auto-assignment", {
          method: "PATCH",
          json: { enabled: true, cap: null },
        }),
        404,
      ),
    ).toBeTruthy();

    const saved = await bad({ enabled: true, cap: 1000 });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ autoAssignment: { enabled: true, cap: 1000 } });
    expect((await bad({ enabled: true, cap: 1000 })).status).toBe(200); // unchanged: not audited again
    expect((await bad({ enabled: false, cap: null })).status).toBe(200);

    const { phoneNumbers } = (await (await admin.request("/api/settings/phone-numbers")).json()) as {
      phoneNumbers: PhoneNumberView[];
    };
    expect(phoneNumbers.find((number) => number.id === id)?.autoAssignment).toEqual({ enabled: false, cap: null });
    const entries = await getDb().auditLog.findMany({
      where: { target: `phone_number:${phoneNumberId}`, action: "auto_assignment.updated" },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((entry) => entry.detail)).toEqual(["on, at most 1000 open per agent", "off"]);
  });

  it("a manual assignment is audited with who did it", async () => {
    const a = await onlineAgent();
    const b = await onlineAgent();
    const { conversationId } = await customerWrites(`6${randomInt(1e9, 9e9)}${randomInt(1e4, 9e4)}`);
    const assign = (assigneeId: string | null) =>
      a.session.request(`/api/conversations/${conversationId}`, { method: "PATCH", json: { assigneeId } });
    expect((await assign(b.id)).status).toBe(200);
    expect((await assign(b.id)).status).toBe(200); // no change: no entry
    expect((await assign(null)).status).toBe(200);
    const entries = await getDb().auditLog.findMany({
      where: { target: `conversation:${conversationId}` },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((entry) => [entry.actorId, entry.detail])).toEqual([
      [a.id, `assigned to ${b.name}`],
      [a.id, `unassigned (was ${b.name} <${b.email}>)`],
    ]);
  });
});
