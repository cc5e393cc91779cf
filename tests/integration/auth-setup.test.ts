// First run: /setup creates the first admin and closes for good; ADMIN_EMAIL + ADMIN_PASSWORD do
// the same at start-up for unattended installs — idempotent, and race-safe across servers.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "../../lib/db/client";
import { signedIn, signIn, uniqueEmail } from "../support/accounts";
import { createFreshDatabase, type FreshDatabase } from "../support/databases";
import { HttpSession } from "../support/http-session";
import { type RunningServer, startNextServer } from "../support/processes";

const serverEnv = (databaseUrl: string, extra: Record<string, string> = {}) => ({
  DATABASE_URL: databaseUrl,
  BETTER_AUTH_SECRET: inject("authSecret"),
  ADMIN_EMAIL: "",
  ADMIN_PASSWORD: "",
  RECOVERY_LOOP: "off",
  ...extra,
});

async function usersIn(databaseUrl: string): Promise<{ email: string; role: string }[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ email: string; role: string }>("SELECT email, role FROM users ORDER BY email")).rows;
  } finally {
    await client.end();
  }
}

const redirectTarget = (response: Response) => new URL(response.headers.get("location") ?? "", "http://x").pathname;

describe("first-run setup (/setup)", () => {
  let database: FreshDatabase;
  let server: RunningServer;
  let founder: { email: string; password: string } | undefined;
  const visitor = () => new HttpSession({ baseUrl: server.url });

  beforeAll(async () => {
    database = await createFreshDatabase();
    server = await startNextServer(serverEnv(database.url));
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it("is where everyone is sent while no user exists", async () => {
    for (const path of ["/", "/login"]) {
      const response = await visitor().request(path);
      expect(response.status, path).toBe(307);
      expect(redirectTarget(response)).toBe("/setup");
    }
    const inbox = await visitor().request("/inbox");
    expect(redirectTarget(inbox)).toBe("/login");
    const setup = await visitor().request("/setup");
    expect(setup.status).toBe(200);
    expect(await setup.text()).toContain("Create admin account");
  });

  it("refuses an invalid first admin with 422 and stays open", async () => {
    const response = await visitor().request("/api/auth/setup", {
      method: "POST",
      json: { name: "Short", email: uniqueEmail("admin"), password: "short" },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^password: /);
    expect(await usersIn(database.url)).toHaveLength(0);
  });

  it("creates exactly one admin when several browsers submit at once, then closes", async () => {
    const candidates = Array.from({ length: 6 }, (_, i) => ({
      name: `Founder ${i}`,
      email: uniqueEmail(`founder${i}`),
      password: `founder-password-${i}`,
    }));
    const responses = await Promise.all(
      candidates.map((body) => visitor().request("/api/auth/setup", { method: "POST", json: body })),
    );
    // One wins; the others are told setup is done (403) or, while the winner holds the lock, busy (409).
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 403 || status === 409)).toHaveLength(candidates.length - 1);
    const users = await usersIn(database.url);
    expect(users).toHaveLength(1);
    expect(users[0]!.role).toBe("admin");

    const winner = candidates.find((candidate) => candidate.email === users[0]!.email)!;
    founder = winner;
    const session = await signedIn(winner.email, winner.password, visitor());
    expect(await (await session.request("/api/users/me")).json()).toMatchObject({ user: { role: "admin" } });
    const loser = candidates.find((candidate) => candidate !== winner)!;
    expect((await signIn(loser.email, loser.password, visitor())).response.status).toBe(401);

    const setupPage = await visitor().request("/setup");
    expect(setupPage.status).toBe(307);
    expect(redirectTarget(setupPage)).toBe("/login");
    expect(redirectTarget(await visitor().request("/"))).toBe("/login");
    const late = await visitor().request("/api/auth/setup", {
      method: "POST",
      json: { name: "Late", email: uniqueEmail("late"), password: "late-password" },
    });
    expect(late.status).toBe(403);
    expect(await usersIn(database.url)).toHaveLength(1);
  });

  it("never leaves the app without an active admin", async () => {
    expect(founder, "the previous test created the founder").toBeDefined();
    const session = await signedIn(founder!.email, founder!.password, visitor());
    const me = (await (await session.request("/api/users/me")).json()) as { user: { id: string } };

    const demote = await session.request(`/api/users/${me.user.id}/role`, { method: "PATCH", json: { role: "agent" } });
    expect(demote.status).toBe(409);
    expect(((await demote.json()) as { error: { message: string } }).error.message).toMatch(/last active admin/);
    expect((await session.request("/api/users")).status).toBe(200);

    const second = await session.request("/api/users", {
      method: "POST",
      json: { name: "Second", email: uniqueEmail("second"), password: "second-password", role: "admin" },
    });
    expect(second.status).toBe(201);
    const demoteNow = await session.request(`/api/users/${me.user.id}/role`, {
      method: "PATCH",
      json: { role: "agent" },
    });
    expect(demoteNow.status).toBe(200);
    expect((await session.request("/api/users")).status).toBe(403);
  });
});

describe("ADMIN_EMAIL + ADMIN_PASSWORD bootstrap", () => {
  it("created the test server's first admin at start-up", async () => {
    const session = await signedIn(inject("adminEmail"), inject("adminPassword"));
    expect(await (await session.request("/api/users/me")).json()).toMatchObject({
      user: { email: inject("adminEmail"), role: "admin" },
    });
    const setup = await new HttpSession().request("/setup");
    expect(redirectTarget(setup)).toBe("/login");
  });

  it("is idempotent: a restart with a different password changes nothing", async () => {
    const server = await startNextServer(
      serverEnv(inject("databaseUrl"), { ADMIN_EMAIL: inject("adminEmail"), ADMIN_PASSWORD: "a-different-password" }),
    );
    try {
      expect(await getDb().user.count({ where: { email: inject("adminEmail") } })).toBe(1);
      const baseUrl = server.url;
      expect(
        (await signIn(inject("adminEmail"), "a-different-password", new HttpSession({ baseUrl }))).response.status,
      ).toBe(401);
      expect(
        (await signIn(inject("adminEmail"), inject("adminPassword"), new HttpSession({ baseUrl }))).response.status,
      ).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it("creates exactly one first admin when several servers start at once on an empty database", async () => {
    const database = await createFreshDatabase();
    const emails = [uniqueEmail("boot-a"), uniqueEmail("boot-b"), uniqueEmail("boot-c")];
    const servers = await Promise.all(
      emails.map((email) =>
        startNextServer(serverEnv(database.url, { ADMIN_EMAIL: email, ADMIN_PASSWORD: "bootstrap-pw" })),
      ),
    );
    try {
      const users = await usersIn(database.url);
      expect(users).toHaveLength(1);
      expect(users[0]!.role).toBe("admin");
      expect(emails).toContain(users[0]!.email);
      const session = await signedIn(users[0]!.email, "bootstrap-pw", new HttpSession({ baseUrl: servers[0]!.url }));
      expect((await session.request("/api/users")).status).toBe(200);
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
      await database.drop();
    }
  });
});
