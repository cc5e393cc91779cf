import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./auth";
import { isRole, type Role } from "./roles";

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user of a request, or null (no cookie, expired or revoked session, deactivated
 * user). Reads the session row on every request — no cached copy — so a revoked session or a
 * deactivated user is refused at once.
 */
export async function getUserFromHeaders(requestHeaders: Headers): Promise<CurrentUser | null> {
  const result = await getAuth().api.getSession({ headers: requestHeaders });
  if (!result) return null;
  const { user } = result;
  if (user.banned) return null;
  // An unknown role (edited by hand in the database) gets the least privilege.
  return { id: user.id, email: user.email, name: user.name, role: isRole(user.role) ? user.role : "agent" };
}

/** For server components and actions: the current request's user (once per request). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => getUserFromHeaders(await headers()));

/** Pages for any signed-in user: anonymous visitors go to /login. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** Admin-only pages: anonymous → /login, agents → /inbox with a notice. */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== "admin") redirect("/inbox?denied=admin");
  return user;
}
