// Labels: admins define them (validated, unique whatever the case, audited), agents put them on
// conversations and take them off (limits, idempotent), the list filters by them with keyset pages,
// counts per label, and every change reaches other inboxes over the real Pusher protocol.
// Each test seeds its own conversations on its own WhatsApp number, straight in the database.
import { randomBytes, randomInt } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { ensurePhoneNumber } from "../../lib/db/phone-numbers";
import {
  type ConversationUpdatedEvent,
  INBOX_CHANNEL,
  type LabelsChangedEvent,
  realtimeEvents,
} from "../../lib/realtime/channels";
import type { ConversationCounts, ConversationDetail, ConversationPage } from "../../lib/views/inbox";
import type { LabelList, LabelView } from "../../lib/views/labels";
import { createTestUser, signedIn, signInBootstrapAdmin } from "../support/accounts";
import { HttpSession } from "../support/http-session";
import { connectRealtime, disconnectRealtimeClients, recordEvents, subscribed } from "../support/realtime";

let admin: HttpSession;
let alice: HttpSession;
let bob: HttpSession;

beforeAll(async () => {
  admin = await signInBootstrapAdmin();
  const [a, b] = await Promise.all([createTestUser(admin), createTestUser(admin)]);
  [alice, bob] = await Promise.all([signedIn(a.email, a.password), signedIn(b.email, b.password)]);
});

afterEach(() => disconnectRealtimeClients());

const unique = () => randomBytes(3).toString("hex");

async function createLabel(name: string, color = "blue"): Promise<LabelView> {
  const response = await admin.request("/api/labels", { method: "POST", json: { name, color } });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { label: LabelView }).label;
}

async function errorOf(response: Response, status: number): Promise<string> {
  const body = await response.text();
  expect(response.status, body).toBe(status);
  return (JSON.parse(body) as { error: { message: string } }).error.message;
}

/** Conversations on a new number of ours, newest first: the number's row id and their ids. */
async function seedConversations(count: number): Promise<{ phoneId: string; ids: string[] }> {
  const db = getDb();
  const phoneId = await ensurePhoneNumber({
    db,
    phoneNumberId: `7${randomInt(1e9, 9e9)}${randomInt(1e4, 9e4)}`,
    displayPhoneNumber: null,
    wabaId: null,
  });
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const contact = await db.contact.create({ data: { waId: `49${randomInt(1e9, 9e9)}${index}` } });
    const conversation = await db.conversation.create({
      data: { contactId: contact.id, phoneNumberId: phoneId, lastMessageAt: new Date(Date.now() - index * 60_000) },
    });
    ids.push(conversation.id);
  }
  return { phoneId, ids };
}

async function addLabel(session: HttpSession, conversationId: string, labelId: string, status = 200) {
  const response = await session.request(`/api/conversations/${conversationId}/labels`, {
    method: "POST",
    json: { labelId },
  });
  expect(response.status, await response.clone().text()).toBe(status);
  return response;
}

async function labelNamesOf(session: HttpSession, conversationId: string): Promise<string[]> {
  const response = await session.request(`/api/conversations/${conversationId}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { conversation: ConversationDetail }).conversation.labels.map((l) => l.name);
}

async function list(session: HttpSession, params: Record<string, string>): Promise<ConversationPage> {
  const response = await session.request(`/api/conversations?${new URLSearchParams(params)}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ConversationPage;
}

describe("defining labels", () => {
  it("an admin adds, renames, recolours and deletes a label; each act is in the audit log", async () => {
    const label = await createLabel(`  Billing   ${unique()} `, "amber");
    expect(label.name).toMatch(/^Billing [0-9a-f]{6}$/);
    expect(label).toMatchObject({ color: "amber", conversationCount: 0 });

    const renamed = await admin.request(`/api/labels/${label.id}`, {
      method: "PATCH",
      json: { name: `Invoices ${unique()}`, color: "green" },
    });
    expect(renamed.status).toBe(200);
    const { label: after } = (await renamed.json()) as { label: LabelView };
    expect(after.color).toBe("green");

    const { labels } = (await (await alice.request("/api/labels")).json()) as LabelList;
    expect(labels.find((l) => l.id === label.id)).toMatchObject({ name: after.name, color: "green" });

    expect((await admin.request(`/api/labels/${label.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.request(`/api/labels/${label.id}`, { method: "DELETE" })).status).toBe(404);

    const entries = await getDb().auditLog.findMany({
      where: { target: `label:${label.id}` },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((entry) => entry.action)).toEqual(["label.created", "label.updated", "label.deleted"]);
    expect(entries[1]?.detail).toBe(`renamed from “${label.name}”, amber → green`);
    expect(entries[2]?.detail).toBe("on 0 conversations");
  });

  it("refuses bad input with 422 naming the field, and a name taken in any case with 409", async () => {
    const bad = (json: unknown) => admin.request("/api/labels", { method: "POST", json });
    expect(await errorOf(await bad({ name: "   ", color: "blue" }), 422)).toBe("name: Give the label a name");
    expect(await errorOf(await bad({ name: "x".repeat(41), color: "blue" }), 422)).toMatch(
      /^name: Keep the name under 40/,
    );
    expect(await errorOf(await bad({ name: "Two\nlines", color: "blue" }), 422)).toMatch(/^name: /);
    expect(await errorOf(await bad({ name: "Ok", color: "chartreuse" }), 422)).toMatch(
      /^color: color must be one of gray/,
    );
    expect(await errorOf(await bad({ name: "Ok", color: "blue", extra: 1 }), 422)).toMatch(/extra/);
    expect(await errorOf(await admin.request("/api/labels/nope", { method: "PATCH", json: {} }), 422)).toMatch(
      /Send a name or color/,
    );

    const taken = await createLabel(`Refund ${unique()}`);
    const clash = await bad({ name: taken.name.toUpperCase(), color: "red" });
    expect(await errorOf(clash, 409)).toBe(`There is already a label called “${taken.name.toUpperCase()}”.`);
    const other = await createLabel(`Other ${unique()}`);
    const renameClash = await admin.request(`/api/labels/${other.id}`, { method: "PATCH", json: { name: taken.name } });
    expect(renameClash.status).toBe(409);
  });

  it("agents cannot define labels (403), and nothing is created", async () => {
    const name = `Agent made ${unique()}`;
    const response = await alice.request("/api/labels", { method: "POST", json: { name, color: "red" } });
    expect(await errorOf(response, 403)).toBe("Only admins can do this.");
    expect(await getDb().label.count({ where: { name } })).toBe(0);
  });
});

describe("labels on conversations", () => {
  it("an agent adds a label once (adding it again changes nothing) and takes it off", async () => {
    const { ids } = await seedConversations(1);
    const id = ids[0]!;
    const label = await createLabel(`Order ${unique()}`, "teal");
    const added = (await (await addLabel(alice, id, label.id)).json()) as { conversation: ConversationDetail };
    expect(added.conversation.labels).toEqual([{ id: label.id, name: label.name, color: "teal" }]);
    await addLabel(bob, id, label.id);
    expect(await labelNamesOf(bob, id)).toEqual([label.name]);
    expect(await getDb().conversationLabel.count({ where: { conversationId: id } })).toBe(1);

    const removed = await bob.request(`/api/conversations/${id}/labels/${label.id}`, { method: "DELETE" });
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as { conversation: ConversationDetail }).conversation.labels).toEqual([]);
    expect((await bob.request(`/api/conversations/${id}/labels/${label.id}`, { method: "DELETE" })).status).toBe(200);
  });

  it("answers 404 for an unknown label or conversation and 422 for a malformed id", async () => {
    const { ids } = await seedConversations(1);
    const label = await createLabel(`Known ${unique()}`);
    expect(await errorOf(await addLabel(alice, ids[0]!, "nolabelwiththisid", 404), 404)).toBe("Label not found.");
    expect(await errorOf(await addLabel(alice, "noconversation", label.id, 404), 404)).toBe("Conversation not found.");
    expect(await errorOf(await addLabel(alice, ids[0]!, "not an id!", 422), 422)).toMatch(/^labelId: /);
    const remove = await alice.request(`/api/conversations/noconversation/labels/${label.id}`, { method: "DELETE" });
    expect(remove.status).toBe(404);
  });

  it("a conversation holds at most 10 labels, even when agents add them at the same time", async () => {
    const { ids } = await seedConversations(1);
    const id = ids[0]!;
    const labels = await Promise.all(Array.from({ length: 12 }, (_, i) => createLabel(`Many ${i} ${unique()}`)));
    const statuses = await Promise.all(
      labels.map(async (label, index) => {
        const session = index % 2 === 0 ? alice : bob;
        const response = await session.request(`/api/conversations/${id}/labels`, {
          method: "POST",
          json: { labelId: label.id },
        });
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(2);
    expect(await getDb().conversationLabel.count({ where: { conversationId: id } })).toBe(10);
    for (const label of labels) await admin.request(`/api/labels/${label.id}`, { method: "DELETE" });
  });

  it("deleting a label takes it off every conversation and says how many carried it", async () => {
    const { ids } = await seedConversations(2);
    const label = await createLabel(`Doomed ${unique()}`);
    await addLabel(alice, ids[0]!, label.id);
    await addLabel(alice, ids[1]!, label.id);
    expect((await admin.request(`/api/labels/${label.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await labelNamesOf(alice, ids[0]!)).toEqual([]);
    const entry = await getDb().auditLog.findFirst({ where: { target: `label:${label.id}`, action: "label.deleted" } });
    expect(entry?.detail).toBe("on 2 conversations");
  });
});

describe("filtering the list by labels", () => {
  it("lists the conversations carrying every chosen label, newest first, one keyset page at a time", async () => {
    const { phoneId, ids } = await seedConversations(5);
    const vip = await createLabel(`VIP ${unique()}`, "purple");
    const late = await createLabel(`Late ${unique()}`, "red");
    for (const index of [0, 2, 4]) await addLabel(alice, ids[index]!, vip.id);
    await addLabel(alice, ids[2]!, late.id);
    await addLabel(alice, ids[3]!, late.id);

    const first = await list(alice, { phoneNumberId: phoneId, labels: vip.id, limit: "2" });
    expect(first.conversations.map((row) => row.id)).toEqual([ids[0], ids[2]]);
    expect(first.conversations[1]?.labels.map((l) => l.name).sort()).toEqual([late.name, vip.name].sort());
    const second = await list(alice, {
      phoneNumberId: phoneId,
      labels: vip.id,
      limit: "2",
      cursor: first.nextCursor!,
    });
    expect(second.conversations.map((row) => row.id)).toEqual([ids[4]]);
    expect(second.nextCursor).toBeNull();

    const both = await list(alice, { phoneNumberId: phoneId, labels: `${late.id},${vip.id}` });
    expect(both.conversations.map((row) => row.id)).toEqual([ids[2]]);
  });

  it("counts conversations per label and state", async () => {
    const { phoneId, ids } = await seedConversations(3);
    const label = await createLabel(`Counted ${unique()}`);
    for (const id of ids) await addLabel(alice, id, label.id);
    await getDb().conversation.update({ where: { id: ids[0]! }, data: { status: "resolved" } });
    const response = await alice.request(`/api/conversations/counts?phoneNumberId=${phoneId}`);
    const counts = (await response.json()) as ConversationCounts;
    expect(counts.labels.filter((entry) => entry.labelId === label.id).sort((a, b) => a.count - b.count)).toEqual([
      { labelId: label.id, status: "resolved", count: 1 },
      { labelId: label.id, status: "open", count: 2 },
    ]);
    const { labels } = (await (await alice.request("/api/labels")).json()) as LabelList;
    expect(labels.find((l) => l.id === label.id)?.conversationCount).toBe(3);
  });

  it("counts the tabs under the list's label filter, and refuses a malformed one with 422", async () => {
    const { phoneId, ids } = await seedConversations(3);
    const label = await createLabel(`Tab ${unique()}`);
    await addLabel(alice, ids[1]!, label.id);
    const tabs = async (query: string) => {
      const response = await alice.request(`/api/conversations/counts?phoneNumberId=${phoneId}${query}`);
      expect(response.status).toBe(200);
      const { groups } = (await response.json()) as ConversationCounts;
      return groups.reduce((sum, group) => sum + group.count, 0);
    };
    expect(await tabs("")).toBe(3);
    expect(await tabs(`&labels=${label.id}`)).toBe(1);
    expect(await errorOf(await alice.request("/api/conversations/counts?labels=a%20b"), 422)).toMatch(/^labels/);
  });

  it("refuses a malformed or oversized label filter with 422", async () => {
    const bad = await alice.request("/api/conversations?labels=a%20b");
    expect(await errorOf(bad, 422)).toMatch(/^labels/);
    const many = Array.from({ length: 11 }, (_, i) => `label${i}`).join(",");
    expect(await errorOf(await alice.request(`/api/conversations?labels=${many}`), 422)).toMatch(/at most 10 labels/);
  });
});

describe("live for everyone", () => {
  it("another agent hears a label added to a conversation, and an admin's rename", async () => {
    const { ids } = await seedConversations(1);
    const label = await createLabel(`Live ${unique()}`);
    const client = await connectRealtime(bob);
    const channel = await subscribed(client, INBOX_CHANNEL);
    const updates = recordEvents<ConversationUpdatedEvent>(channel, realtimeEvents.conversationUpdated);
    const labelEvents = recordEvents<LabelsChangedEvent>(channel, realtimeEvents.labelsChanged);

    await addLabel(alice, ids[0]!, label.id);
    await updates.waitFor((event) => event.conversationId === ids[0]);
    expect(await labelNamesOf(bob, ids[0]!)).toEqual([label.name]);

    await admin.request(`/api/labels/${label.id}`, { method: "PATCH", json: { color: "pink" } });
    await labelEvents.waitFor((event) => event.labelIds.includes(label.id));
  });
});
