// Custom contact attributes: admins define the keys (validated, unique, audited; agents get 403),
// agents fill in a customer's values in the contact panel (checked per type, 422 naming the field,
// emptied to remove), deleting a key removes its values, a merge of two contacts keeps them, and
// every change reaches colleagues over the real Pusher protocol.
import { randomBytes, randomInt } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { mergeContactInto } from "../../lib/db/merge-contacts";
import {
  type ContactAttributesChangedEvent,
  type ContactUpdatedEvent,
  INBOX_CHANNEL,
  realtimeEvents,
} from "../../lib/realtime/channels";
import type { ContactAttributeList, ContactAttributeView } from "../../lib/views/contact-attributes";
import type { ContactPanelView } from "../../lib/views/contacts";
import { createTestUser, signedIn, signInBootstrapAdmin } from "../support/accounts";
import type { HttpSession } from "../support/http-session";
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

// Attributes are global (at most 50): the ones made here go, so other files' tests still have room.
const made: string[] = [];
afterAll(async () => {
  await getDb().contactAttribute.deleteMany({ where: { id: { in: made } } });
});

const unique = () => randomBytes(3).toString("hex");

async function errorOf(response: Response, status: number): Promise<string> {
  const body = await response.text();
  expect(response.status, body).toBe(status);
  return (JSON.parse(body) as { error: { message: string } }).error.message;
}

async function createAttribute(json: Record<string, unknown>): Promise<ContactAttributeView> {
  const response = await admin.request("/api/contact-attributes", { method: "POST", json });
  expect(response.status, await response.clone().text()).toBe(201);
  const { attribute } = (await response.json()) as { attribute: ContactAttributeView };
  made.push(attribute.id);
  return attribute;
}

async function seedContact(): Promise<string> {
  const contact = await getDb().contact.create({ data: { waId: `35${randomInt(1e9, 9e9)}` } });
  return contact.id;
}

const setValue = (session: HttpSession, contactId: string, attributeId: string, value: unknown) =>
  session.request(`/api/contacts/${contactId}/attributes/${attributeId}`, { method: "PUT", json: { value } });

async function valueOf(session: HttpSession, contactId: string, attributeId: string): Promise<string | null> {
  const response = await session.request(`/api/contacts/${contactId}`);
  expect(response.status).toBe(200);
  const { contact } = (await response.json()) as { contact: ContactPanelView };
  const attribute = contact.attributes.find((entry) => entry.id === attributeId);
  expect(attribute, "the attribute is in the panel").toBeDefined();
  return attribute!.value;
}

async function listed(session: HttpSession, id: string): Promise<ContactAttributeView | undefined> {
  const { attributes } = (await (await session.request("/api/contact-attributes")).json()) as ContactAttributeList;
  return attributes.find((attribute) => attribute.id === id);
}

describe("defining attributes", () => {
  it("an admin adds, renames and deletes an attribute; the key comes from the name; each act is audited", async () => {
    const suffix = unique();
    const attribute = await createAttribute({ name: `  Order   number ${suffix} `, type: "text" });
    expect(attribute).toMatchObject({
      name: `Order number ${suffix}`,
      key: `order_number_${suffix}`,
      type: "text",
      options: [],
      contactCount: 0,
    });
    expect(await listed(alice, attribute.id)).toMatchObject({ name: attribute.name });

    const renamed = await admin.request(`/api/contact-attributes/${attribute.id}`, {
      method: "PATCH",
      json: { name: `Order ref ${suffix}` },
    });
    expect(renamed.status, await renamed.clone().text()).toBe(200);
    expect(((await renamed.json()) as { attribute: ContactAttributeView }).attribute).toMatchObject({
      name: `Order ref ${suffix}`,
      key: attribute.key,
    });

    expect((await admin.request(`/api/contact-attributes/${attribute.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await admin.request(`/api/contact-attributes/${attribute.id}`, { method: "DELETE" })).status).toBe(404);
    expect(await listed(alice, attribute.id)).toBeUndefined();

    const entries = await getDb().auditLog.findMany({
      where: { target: `contact_attribute:${attribute.id}` },
      orderBy: { createdAt: "asc" },
    });
    expect(entries.map((entry) => entry.action)).toEqual([
      "contact_attribute.created",
      "contact_attribute.updated",
      "contact_attribute.deleted",
    ]);
    expect(entries[1]?.detail).toBe(`renamed from “Order number ${suffix}”`);
    expect(entries[2]?.detail).toBe(`${attribute.key}, with the values of 0 contacts`);
  });

  it("refuses bad definitions with 422 naming the field, and a key or name taken with 409", async () => {
    const bad = (json: unknown) => admin.request("/api/contact-attributes", { method: "POST", json });
    expect(await errorOf(await bad({ name: "  ", type: "text" }), 422)).toBe("name: Give the attribute a name");
    expect(await errorOf(await bad({ name: "x".repeat(41), type: "text" }), 422)).toMatch(/^name: Keep the name/);
    expect(await errorOf(await bad({ name: "Two\nlines", type: "text" }), 422)).toMatch(/^name: /);
    expect(await errorOf(await bad({ name: "Ok", type: "colour" }), 422)).toMatch(/^type: type must be one of/);
    expect(await errorOf(await bad({ name: "Ok", key: "Not A Key", type: "text" }), 422)).toMatch(/^key: /);
    expect(await errorOf(await bad({ name: "😀", type: "text" }), 422)).toMatch(/^key: /);
    expect(await errorOf(await bad({ name: "Ok", type: "list", options: ["One"] }), 422)).toBe(
      "options: A list needs at least two options",
    );
    expect(await errorOf(await bad({ name: "Ok", type: "list", options: ["A", "a"] }), 422)).toMatch(/^options: /);
    expect(await errorOf(await bad({ name: "Ok", type: "text", options: ["A", "B"] }), 422)).toBe(
      "options: Only a list attribute has options",
    );
    expect(await errorOf(await bad({ name: "Ok", type: "text", extra: 1 }), 422)).toMatch(/extra/);

    const taken = await createAttribute({ name: `Plan ${unique()}`, type: "text" });
    expect(
      await errorOf(await bad({ name: taken.name.toUpperCase(), key: `other_${unique()}`, type: "text" }), 409),
    ).toBe(`There is already an attribute called “${taken.name.toUpperCase()}”.`);
    expect(await errorOf(await bad({ name: `Another ${unique()}`, key: taken.key, type: "number" }), 409)).toBe(
      `There is already an attribute with the key “${taken.key}”.`,
    );
    // The type and the key never change.
    const patch = await admin.request(`/api/contact-attributes/${taken.id}`, {
      method: "PATCH",
      json: { type: "number" },
    });
    expect(await errorOf(patch, 422)).toMatch(/type/);
  });

  it("agents cannot define, edit or delete attributes (403), and nothing changes", async () => {
    const name = `Agent made ${unique()}`;
    const response = await alice.request("/api/contact-attributes", { method: "POST", json: { name, type: "text" } });
    expect(await errorOf(response, 403)).toBe("Only admins can do this.");
    expect(await getDb().contactAttribute.count({ where: { name } })).toBe(0);
    const existing = await createAttribute({ name: `Admin made ${unique()}`, type: "text" });
    const rename = await alice.request(`/api/contact-attributes/${existing.id}`, {
      method: "PATCH",
      json: { name: "Renamed" },
    });
    expect(rename.status).toBe(403);
    expect((await alice.request(`/api/contact-attributes/${existing.id}`, { method: "DELETE" })).status).toBe(403);
    expect(await listed(admin, existing.id)).toMatchObject({ name: existing.name });
  });
});

describe("values on a contact", () => {
  it("an agent sets each type's value, sees it normalised, and empties it to remove it", async () => {
    const contactId = await seedContact();
    const text = await createAttribute({ name: `Order number ${unique()}`, type: "text" });
    const number = await createAttribute({ name: `Lifetime orders ${unique()}`, type: "number" });
    const date = await createAttribute({ name: `Renewal ${unique()}`, type: "date" });
    const vip = await createAttribute({ name: `VIP ${unique()}`, type: "boolean" });
    const tier = await createAttribute({ name: `Tier ${unique()}`, type: "list", options: ["Gold", "Silver"] });

    // A contact with nothing filled in shows every attribute, empty.
    expect(await valueOf(alice, contactId, text.id)).toBeNull();

    const response = await setValue(alice, contactId, text.id, "  A-1001   <b>x</b> ");
    expect(response.status, await response.clone().text()).toBe(200);
    const { contact } = (await response.json()) as { contact: ContactPanelView };
    expect(contact.attributes.find((entry) => entry.id === text.id)?.value).toBe("A-1001 <b>x</b>");
    expect((await setValue(alice, contactId, number.id, "007.50")).status).toBe(200);
    expect(await valueOf(bob, contactId, number.id)).toBe("7.5");
    expect((await setValue(alice, contactId, number.id, -3)).status).toBe(200);
    expect(await valueOf(bob, contactId, number.id)).toBe("-3");
    expect((await setValue(alice, contactId, date.id, "2026-02-28")).status).toBe(200);
    expect(await valueOf(bob, contactId, date.id)).toBe("2026-02-28");
    expect((await setValue(alice, contactId, vip.id, true)).status).toBe(200);
    expect(await valueOf(bob, contactId, vip.id)).toBe("true");
    expect((await setValue(alice, contactId, vip.id, "false")).status).toBe(200);
    expect(await valueOf(bob, contactId, vip.id)).toBe("false");
    expect((await setValue(alice, contactId, tier.id, "Gold")).status).toBe(200);
    expect(await valueOf(bob, contactId, tier.id)).toBe("Gold");
    expect(await listed(admin, tier.id)).toMatchObject({ contactCount: 1 });

    // Empty (or blanks, or null) removes the value.
    expect((await setValue(alice, contactId, text.id, "   ")).status).toBe(200);
    expect(await valueOf(bob, contactId, text.id)).toBeNull();
    expect((await setValue(alice, contactId, tier.id, null)).status).toBe(200);
    expect(await valueOf(bob, contactId, tier.id)).toBeNull();
    expect(await getDb().contactAttributeValue.count({ where: { contactId } })).toBe(3);
  });

  it("refuses a value that is not its attribute's type with 422 naming the value, and keeps the old one", async () => {
    const contactId = await seedContact();
    const text = await createAttribute({ name: `Note ${unique()}`, type: "text" });
    const number = await createAttribute({ name: `Count ${unique()}`, type: "number" });
    const date = await createAttribute({ name: `Birthday ${unique()}`, type: "date" });
    const vip = await createAttribute({ name: `Flag ${unique()}`, type: "boolean" });
    const tier = await createAttribute({ name: `Level ${unique()}`, type: "list", options: ["Gold", "Silver"] });
    expect((await setValue(alice, contactId, number.id, 5)).status).toBe(200);

    const refused = async (attributeId: string, value: unknown) =>
      errorOf(await setValue(alice, contactId, attributeId, value), 422);
    expect(await refused(number.id, "12abc")).toMatch(/^value: Give a number/);
    expect(await refused(number.id, "1e5")).toMatch(/^value: Give a number/);
    expect(await refused(number.id, 1e308)).toMatch(/^value: Give a number/);
    expect(await refused(number.id, true)).toMatch(/^value: Give a number/);
    expect(await refused(date.id, "2026-02-30")).toBe("value: Give a date as YYYY-MM-DD, such as 2026-03-31");
    expect(await refused(date.id, "31/03/2026")).toMatch(/^value: Give a date/);
    expect(await refused(vip.id, "yes")).toBe("value: Give true or false");
    expect(await refused(tier.id, "Bronze")).toBe("value: Choose one of: Gold, Silver");
    expect(await refused(text.id, 42)).toBe("value: Give a text");
    expect(await refused(text.id, "two\nlines")).toBe("value: A text value is one line");
    expect(await refused(text.id, "x".repeat(501))).toMatch(/^value: Keep the text under 500/);
    expect(await refused(text.id, "a\u0000b")).toMatch(/^value: Must not contain control characters/);
    expect(await refused(text.id, { nested: 1 })).toMatch(/^value: /);
    const extra = await alice.request(`/api/contacts/${contactId}/attributes/${text.id}`, {
      method: "PUT",
      json: { value: "x", key: "other" },
    });
    expect(await errorOf(extra, 422)).toMatch(/key/);
    expect(await valueOf(bob, contactId, number.id)).toBe("5");
  });

  it("answers 404 for an unknown contact or attribute and 422 for a malformed id", async () => {
    const contactId = await seedContact();
    const text = await createAttribute({ name: `Ref ${unique()}`, type: "text" });
    expect(await errorOf(await setValue(alice, "nobody", text.id, "x"), 404)).toBe("Contact not found.");
    expect(await errorOf(await setValue(alice, contactId, "nothing", "x"), 404)).toBe("Attribute not found.");
    expect(await errorOf(await setValue(alice, contactId, "not%20an%20id", "x"), 422)).toMatch(/^attributeId: /);
  });

  it("deleting an attribute removes every contact's value of it, and the audit says how many", async () => {
    const [first, second] = await Promise.all([seedContact(), seedContact()]);
    const attribute = await createAttribute({ name: `Cascade ${unique()}`, type: "text" });
    await setValue(alice, first, attribute.id, "one");
    await setValue(bob, second, attribute.id, "two");
    expect(await listed(admin, attribute.id)).toMatchObject({ contactCount: 2 });

    expect((await admin.request(`/api/contact-attributes/${attribute.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await getDb().contactAttributeValue.count({ where: { attributeId: attribute.id } })).toBe(0);
    const panel = (await (await alice.request(`/api/contacts/${first}`)).json()) as { contact: ContactPanelView };
    expect(panel.contact.attributes.some((entry) => entry.id === attribute.id)).toBe(false);
    const entry = await getDb().auditLog.findFirst({
      where: { target: `contact_attribute:${attribute.id}`, action: "contact_attribute.deleted" },
    });
    expect(entry?.detail).toBe(`${attribute.key}, with the values of 2 contacts`);
  });

  it("a list's option that contacts hold cannot be removed (409); an unused one can", async () => {
    const contactId = await seedContact();
    const tier = await createAttribute({
      name: `Plan tier ${unique()}`,
      type: "list",
      options: ["Gold", "Silver", "Iron"],
    });
    await setValue(alice, contactId, tier.id, "Gold");
    const edit = (options: string[]) =>
      admin.request(`/api/contact-attributes/${tier.id}`, { method: "PATCH", json: { options } });
    expect(await errorOf(await edit(["Silver", "Iron"]), 409)).toBe(
      "1 contact has “Gold”: change their value before removing it.",
    );
    expect((await edit(["Gold", "Silver", "Bronze"])).status).toBe(200);
    expect(await listed(alice, tier.id)).toMatchObject({ options: ["Gold", "Silver", "Bronze"] });
    expect(await valueOf(alice, contactId, tier.id)).toBe("Gold");
  });

  it("two contacts found to be one person keep the team's values (the old contact's win)", async () => {
    const [oldId, newId] = await Promise.all([seedContact(), seedContact()]);
    const kept = await createAttribute({ name: `Kept ${unique()}`, type: "text" });
    const filled = await createAttribute({ name: `Filled ${unique()}`, type: "text" });
    await setValue(alice, oldId, kept.id, "old value");
    await setValue(alice, newId, kept.id, "new value");
    await setValue(alice, newId, filled.id, "from the new number");
    const newWaId = `35${randomInt(1e9, 9e9)}`;
    await getDb().$transaction((db) => mergeContactInto({ db, oldContactId: oldId, newContactId: newId, newWaId }));
    expect(await valueOf(bob, oldId, kept.id)).toBe("old value");
    expect(await valueOf(bob, oldId, filled.id)).toBe("from the new number");
  });
});

describe("live for everyone", () => {
  it("a colleague hears a value change (contact-updated) and an admin's new attribute (contact-attributes-changed)", async () => {
    const contactId = await seedContact();
    const attribute = await createAttribute({ name: `Live ${unique()}`, type: "text" });
    const client = await connectRealtime(bob);
    const channel = await subscribed(client, INBOX_CHANNEL);
    const contactEvents = recordEvents<ContactUpdatedEvent>(channel, realtimeEvents.contactUpdated);
    const attributeEvents = recordEvents<ContactAttributesChangedEvent>(
      channel,
      realtimeEvents.contactAttributesChanged,
    );

    await setValue(alice, contactId, attribute.id, "VIP-7");
    await contactEvents.waitFor((event) => event.contactId === contactId);
    expect(await valueOf(bob, contactId, attribute.id)).toBe("VIP-7");

    const added = await createAttribute({ name: `Live new ${unique()}`, type: "boolean" });
    const created = await attributeEvents.waitFor((event) => event.attributeIds.includes(added.id));
    await admin.request(`/api/contact-attributes/${added.id}`, { method: "DELETE" });
    await attributeEvents.waitFor((event) => event !== created && event.attributeIds.includes(added.id), "the delete");
  });
});
