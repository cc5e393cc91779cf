import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { getLiveSessionUser } from "@/lib/db/sessions";
import { getAuth } from "./auth";
import { isRefreshDue, sessionSettings, verifiedSessionToken } from "./session-cookie";
import { isRole, type Role } from "./roles";

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user of a request, or null (no cookie, expired or revoked session, deactivated
 * user). Reads the session row on every request — no cached copy — so a revoked session or a
 * deactivated user is refused at once. The session and its user are one query of our own
 * (session-cookie.ts says why); better-auth's getSession is asked only for what it alone does: a
 * session due for its daily refresh (it slides the expiry and sends a new cookie), and a signed
 * cookie whose session is not live (it deletes an expired session and clears the cookie).
 */
export async function getUserFromHeaders(requestHeaders: Headers): Promise<CurrentUser | null> {
  const settings = await sessionSettings();
  const token = verifiedSessionToken(requestHeaders.get("cookie"), settings.cookieName, settings.secret);
  if (!token) return null; // better-auth's answer too: no signed cookie, no session
  const found = await getLiveSessionUser({ db: getDb(), token });
  if (!found || isRefreshDue(found.expiresAt, settings)) return getUserThroughBetterAuth(requestHeaders);
  return currentUser(found);
}

async function getUserThroughBetterAuth(requestHeaders: Headers): Promise<CurrentUser | null> {
  const result = await getAuth().api.getSession({ headers: requestHeaders });
  if (!result || result.user.banned) return null;
  return currentUser(result.user);
}

function currentUser(user: { id: string; email: string; name: string; role?: string | null }): CurrentUser {
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
