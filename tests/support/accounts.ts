// Seeding users for auth tests through the real API, as an admin would.
import { randomBytes } from "node:crypto";
import { expect, inject } from "vitest";
import { HttpSession } from "./http-session";

export type TestUser = { id: string; email: string; password: string; name: string; role: "admin" | "agent" };

export const uniqueEmail = (prefix = "user") => `${prefix}-${randomBytes(5).toString("hex")}@example.com`;

export async function signIn(
  email: string,
  password: string,
  session: HttpSession = new HttpSession(),
): Promise<{ session: HttpSession; response: Response }> {
  const response = await session.request("/api/auth/sign-in/email", { method: "POST", json: { email, password } });
  return { session, response };
}

/** Signs in and fails the test unless it worked. */
export async function signedIn(email: string, password: string, session?: HttpSession): Promise<HttpSession> {
  const { response, session: signedInSession } = await signIn(email, password, session);
  expect(response.status, `sign-in of ${email}: ${await response.clone().text()}`).toBe(200);
  return signedInSession;
}

/** The admin the test server created from ADMIN_EMAIL / ADMIN_PASSWORD. */
export function signInBootstrapAdmin(): Promise<HttpSession> {
  return signedIn(inject("adminEmail"), inject("adminPassword"));
}

export async function createTestUser(
  admin: HttpSession,
  { role = "agent", prefix }: { role?: "admin" | "agent"; prefix?: string } = {},
): Promise<TestUser> {
  const user = {
    email: uniqueEmail(prefix ?? role),
    password: `pw-${randomBytes(8).toString("hex")}`,
    name: `Test ${role} ${randomBytes(2).toString("hex")}`,
    role,
  };
  const response = await admin.request("/api/users", { method: "POST", json: user });
  expect(response.status, await response.clone().text()).toBe(201);
  const { user: created } = (await response.json()) as { user: { id: string } };
  return { ...user, id: created.id };
}
