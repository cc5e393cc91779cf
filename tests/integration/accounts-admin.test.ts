// What admins do to accounts, and the record of it: deactivation with the open conversations
// unassigned or reassigned, name/email edits, role changes — each in the audit log, filterable.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { createTestUser, signedIn, signIn, signInBootstrapAdmin, uniqueEmail } from "../support/accounts";
import type { HttpSession } from "../support/http-session";

let admin: HttpSession;
let adminId: string;

beforeAll(async () => {
  admin = await signInBootstrapAdmin();
  adminId = ((await (await admin.request("/api/users/me")).json()) as { user: { id: string } }).user.id;
});

type Entry = { action: string; kind: string; summary: string; actor: { id: string }; target: string };

async function audit(query: string): Promise<Entry[]> {
  const response = await admin.request(`/api/settings/audit-log?${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { entries: Entry[] }).entries;
}

/** Conversations of a fresh customer each, on a fresh number, assigned to `assigneeId`. */
async function seedConversations(assigneeId: string, statuses: ("open" | "pending" | "resolved")[]) {
  const db = getDb();
  const number = await db.phoneNumber.create({ data: { phoneNumberId: `9${randomInt(1e9, 9e9)}${randomInt(1e4)}` } });
  const ids: string[] = [];
  for (const status of statuses) {
    const contact = await db.contact.create({ data: { waId: `5511${randomInt(1e8, 9e8)}${randomInt(10)}` } });
    const conversation = await db.conversation.create({
      data: { contactId: contact.id, phoneNumberId: number.id, assigneeId, status },
    });
    ids.push(conversation.id);
  }
  return ids;
}

const assigneesOf = async (ids: string[]) =>
  (await getDb().conversation.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: "asc" } })).map(
    (row) => row.assigneeId,
  );

describe("deactivation", () => {
  it("hands the open and pending conversations to a colleague, leaves resolved ones, and is audited", async () => {
    const leaving = await createTestUser(admin);
    const staying = await createTestUser(admin);
    const ids = await seedConversations(leaving.id, ["open", "pending", "resolved"]);
    const response = await admin.request(`/api/users/${leaving.id}/deactivate`, {
      method: "POST",
      json: { conversations: "reassign", reassignTo: staying.id },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await assigneesOf(ids)).toEqual([staying.id, staying.id, leaving.id]);
    const [entry] = await audit(`kind=user.deactivated&actor=${adminId}`).then((entries) =>
      entries.filter((candidate) => candidate.target === `user:${leaving.id}`),
    );
    expect(entry?.summary).toBe(
      `deactivated ${leaving.name} <${leaving.email}> (2 open conversations reassigned to ${staying.name})`,
    );
    // The list shows how many open conversations each user has (what the dialog asks about).
    const users = (
      (await (await admin.request("/api/users")).json()) as { users: { id: string; openConversations: number }[] }
    ).users;
    expect(users.find((user) => user.id === staying.id)?.openConversations).toBe(2);
  });

  it("unassigns them by default", async () => {
    const leaving = await createTestUser(admin);
    const ids = await seedConversations(leaving.id, ["open"]);
    expect((await admin.request(`/api/users/${leaving.id}/deactivate`, { method: "POST" })).status).toBe(200);
    expect(await assigneesOf(ids)).toEqual([null]);
    const entries = await audit(`kind=user.deactivated`);
    expect(entries.find((entry) => entry.target === `user:${leaving.id}`)?.summary).toMatch(
      /\(1 open conversation unassigned\)$/,
    );
  });

  it("refuses a deactivated or unknown successor with 422 and changes nothing", async () => {
    const leaving = await createTestUser(admin);
    const gone = await createTestUser(admin);
    await admin.request(`/api/users/${gone.id}/deactivate`, { method: "POST" });
    const ids = await seedConversations(leaving.id, ["open"]);
    for (const reassignTo of [gone.id, "no-such-user"]) {
      const response = await admin.request(`/api/users/${leaving.id}/deactivate`, {
        method: "POST",
        json: { conversations: "reassign", reassignTo },
      });
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^reassignTo: /);
    }
    expect(await assigneesOf(ids)).toEqual([leaving.id]);
    await signedIn(leaving.email, leaving.password);
  });
});

describe("the audit log of account administration", () => {
  it("records users created, names and emails edited, roles changed, reactivations — filterable by who and what", async () => {
    const user = await createTestUser(admin);
    const newEmail = uniqueEmail("renamed");
    const edit = await admin.request(`/api/users/${user.id}`, {
      method: "PATCH",
      json: { name: "Renamed Person", email: newEmail.toUpperCase() },
    });
    expect(edit.status, await edit.clone().text()).toBe(200);
    expect(((await edit.json()) as { user: { email: string } }).user.email).toBe(newEmail);
    // They sign in with the new address from now on.
    expect((await signIn(user.email, user.password)).response.status).toBe(401);
    await signedIn(newEmail, user.password);

    await admin.request(`/api/users/${user.id}/role`, { method: "PATCH", json: { role: "admin" } });
    await admin.request(`/api/users/${user.id}/role`, { method: "PATCH", json: { role: "agent" } });
    await admin.request(`/api/users/${user.id}/deactivate`, { method: "POST" });
    await admin.request(`/api/users/${user.id}/reactivate`, { method: "POST" });

    const mine = (await audit(`actor=${adminId}`)).filter((entry) => entry.target === `user:${user.id}`);
    expect(mine.map((entry) => entry.action).reverse()).toEqual([
      "user.created",
      "user.updated",
      "user.role_changed",
      "user.role_changed",
      "user.deactivated",
      "user.reactivated",
    ]);
    const byAction = Object.fromEntries(mine.map((entry) => [entry.action, entry]));
    expect(byAction["user.created"]?.summary).toBe(`created ${user.name} <${user.email}> (as Agent)`);
    expect(byAction["user.updated"]?.summary).toBe(
      `edited ${user.name} <${user.email}> (name → Renamed Person, email → ${newEmail})`,
    );
    expect(mine.filter((entry) => entry.action === "user.role_changed").map((entry) => entry.summary)).toEqual([
      `changed the role of Renamed Person <${newEmail}> (Admin → Agent)`,
      `changed the role of Renamed Person <${newEmail}> (Agent → Admin)`,
    ]);
    expect(byAction["user.reactivated"]?.kind).toBe("User reactivated");

    // The kind filter returns that kind only; the actor filter that person only.
    const roles = await audit("kind=user.role_changed");
    expect(roles.length).toBeGreaterThanOrEqual(2);
    expect(new Set(roles.map((entry) => entry.action))).toEqual(new Set(["user.role_changed"]));
    const someoneElse = await audit(`actor=${user.id}`);
    expect(someoneElse.every((entry) => entry.actor.id === user.id)).toBe(true);
  });
});
