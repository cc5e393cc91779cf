// The contact panel's API: who the customer is, every conversation with them on every number, the
// team's name for them (kept apart from the WhatsApp profile name; shown in rows and found by
// search) and notes — validated, and live for colleagues over the real Pusher protocol.
import { randomInt } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { ensurePhoneNumber } from "../../lib/db/phone-numbers";
import { type ContactUpdatedEvent, INBOX_CHANNEL, realtimeEvents } from "../../lib/realtime/channels";
import type { ContactPanelView } from "../../lib/views/contacts";
import type { ConversationPage } from "../../lib/views/inbox";
import { createTestUser, signedIn, signInBootstrapAdmin } from "../support/accounts";
import type { HttpSession } from "../support/http-session";
import { connectRealtime, disconnectRealtimeClients, recordEvents, subscribed } from "../support/realtime";

let alice: HttpSession;
let bob: HttpSession;

beforeAll(async () => {
  const admin = await signInBootstrapAdmin();
  const [a, b] = await Promise.all([createTestUser(admin), createTestUser(admin)]);
  [alice, bob] = await Promise.all([signedIn(a.email, a.password), signedIn(b.email, b.password)]);
});

afterEach(() => disconnectRealtimeClients());

const newNumber = () =>
  ensurePhoneNumber({
    db: getDb(),
    phoneNumberId: `6${randomInt(1e9, 9e9)}${randomInt(1e4, 9e4)}`,
    displayPhoneNumber: `1555${randomInt(1e6, 9e6)}`,
    wabaId: null,
  });

/** A customer with a conversation on each of `count` new numbers, the newest first. */
async function seedCustomer(count: number, profileName = "Marta Profile") {
  const db = getDb();
  const contact = await db.contact.create({
    data: { waId: `34${randomInt(1e9, 9e9)}`, profileName, userId: `US.${randomInt(1e9, 9e9)}`, username: "marta" },
  });
  const conversations: { id: string; phoneId: string }[] = [];
  for (let index = 0; index < count; index += 1) {
    const phoneId = await newNumber();
    const conversation = await db.conversation.create({
      data: { contactId: contact.id, phoneNumberId: phoneId, lastMessageAt: new Date(Date.now() - index * 60_000) },
    });
    conversations.push({ id: conversation.id, phoneId });
  }
  return { contactId: contact.id, conversations };
}

async function panelOf(session: HttpSession, contactId: string): Promise<ContactPanelView> {
  const response = await session.request(`/api/contacts/${contactId}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { contact: ContactPanelView }).contact;
}

const patch = (session: HttpSession, contactId: string, json: unknown) =>
  session.request(`/api/contacts/${contactId}`, { method: "PATCH", json });

async function errorOf(response: Response, status: number): Promise<string> {
  const body = await response.text();
  expect(response.status, body).toBe(status);
  return (JSON.parse(body) as { error: { message: string } }).error.message;
}

describe("the contact panel", () => {
  it("lists every conversation with the customer, on every number, newest first, with their identity", async () => {
    const { contactId, conversations } = await seedCustomer(3);
    const panel = await panelOf(alice, contactId);
    expect(panel).toMatchObject({
      savedName: null,
      profileName: "Marta Profile",
      username: "marta",
      notes: "",
    });
    expect(panel.userId).toMatch(/^US\./);
    expect(panel.conversations.map((c) => c.id)).toEqual(conversations.map((c) => c.id));
    expect(panel.conversations.map((c) => c.phoneNumber.id)).toEqual(conversations.map((c) => c.phoneId));
    expect(Date.parse(panel.firstContactAt)).toBeLessThanOrEqual(Date.now());
  });

  it("answers 404 for an unknown contact and 422 for a malformed id", async () => {
    expect(await errorOf(await alice.request("/api/contacts/nobody"), 404)).toBe("Contact not found.");
    expect(await errorOf(await patch(alice, "nobody", { notes: "x" }), 404)).toBe("Contact not found.");
    expect(await errorOf(await alice.request("/api/contacts/not%20an%20id"), 422)).toMatch(/^id: /);
  });
});

describe("the team's name and notes", () => {
  it("names the customer without touching the WhatsApp name; rows show it and search finds it", async () => {
    const { contactId, conversations } = await seedCustomer(1, "Marta Original");
    const unique = `Marta Team ${randomInt(1e6, 9e6)}`;
    const response = await patch(alice, contactId, { savedName: `  ${unique}  ` });
    expect(response.status).toBe(200);
    const { contact } = (await response.json()) as { contact: ContactPanelView };
    expect(contact).toMatchObject({ savedName: unique, profileName: "Marta Original" });

    const page = (await (
      await bob.request(`/api/conversations?phoneNumberId=${conversations[0]!.phoneId}`)
    ).json()) as ConversationPage;
    expect(page.conversations[0]?.contact).toMatchObject({ savedName: unique, name: "Marta Original" });
    const found = (await (
      await bob.request(`/api/conversations?q=${encodeURIComponent(unique)}&status=all`)
    ).json()) as ConversationPage;
    expect(found.conversations.map((row) => row.id)).toEqual([conversations[0]!.id]);

    // Blanks clear it: the profile name shows again.
    await patch(alice, contactId, { savedName: "   " });
    expect((await panelOf(bob, contactId)).savedName).toBeNull();
  });

  it("keeps notes as written (escaped only where shown), and refuses bad input with 422 naming the field", async () => {
    const { contactId } = await seedCustomer(1);
    const notes = "Prefers calls.\n<script>alert(1)</script>";
    expect((await patch(bob, contactId, { notes })).status).toBe(200);
    expect((await panelOf(alice, contactId)).notes).toBe(notes);

    expect(await errorOf(await patch(bob, contactId, {}), 422)).toBe("Send a savedName or notes to change");
    expect(await errorOf(await patch(bob, contactId, { savedName: "x".repeat(101) }), 422)).toMatch(/^savedName: /);
    expect(await errorOf(await patch(bob, contactId, { savedName: "two\nlines" }), 422)).toMatch(/^savedName: /);
    expect(await errorOf(await patch(bob, contactId, { notes: "x".repeat(4_001) }), 422)).toMatch(/^notes: /);
    expect(await errorOf(await patch(bob, contactId, { notes: "\u0000" }), 422)).toMatch(/^notes: /);
    expect(await errorOf(await patch(bob, contactId, { profileName: "Hacked" }), 422)).toMatch(/profileName/);
    expect((await panelOf(alice, contactId)).profileName).toBe("Marta Profile");
  });

  it("a colleague hears the change (contact-updated) and the rows (conversation-updated)", async () => {
    const { contactId, conversations } = await seedCustomer(2);
    const client = await connectRealtime(bob);
    const channel = await subscribed(client, INBOX_CHANNEL);
    const contactEvents = recordEvents<ContactUpdatedEvent>(channel, realtimeEvents.contactUpdated);
    const rowEvents = recordEvents<{ conversationId: string }>(channel, realtimeEvents.conversationUpdated);
    await patch(alice, contactId, { savedName: "Marta Live" });
    await contactEvents.waitFor((event) => event.contactId === contactId);
    for (const { id } of conversations) await rowEvents.waitFor((event) => event.conversationId === id);
  });
});
