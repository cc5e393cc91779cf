import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { admin } from "better-auth/plugins/admin";
import { adminAc, defaultStatements, userAc } from "better-auth/plugins/admin/access";
import { createAccessControl } from "better-auth/plugins/access";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/lib/db/client";
import { appUrl, getEnv } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, requestHostOf } from "@/lib/http/forwarding";
import { getAuthSecret } from "./secret";
import { gatedPasswordHashing } from "./password-hashing";
import { throttleSignInAfter, throttleSignInBefore } from "./sign-in-throttle";

const accessControl = createAccessControl(defaultStatements);

// Our /api/users routes are the one way to manage users (they keep at least one admin); the
// plugin's own HTTP endpoints are switched off. Its server API (auth.api.*) is what they call.
const adminPluginPaths = [
  "create-user",
  "list-users",
  "get-user",
  "update-user",
  "set-role",
  "set-user-password",
  "ban-user",
  "unban-user",
  "impersonate-user",
  "stop-impersonating",
  "list-user-sessions",
  "revoke-user-session",
  "revoke-user-sessions",
  "remove-user",
  "has-permission",
].map((path) => `/admin/${path}`);

function requestOrigins(request: Request | undefined): string[] {
  const host = requestHostOf(request?.headers);
  return host ? [`http://${host}`, `https://${host}`] : [];
}

function createAuth() {
  const env = getEnv();
  return betterAuth({
    appName: "WhatsApp Inbox",
    secret: getAuthSecret(env),
    baseURL: appUrl(env),
    // better-auth refuses cookie-carrying posts to /api/auth/* whose Origin is not trusted (its CSRF
    // defence). Trusted: APP_URL and the host the request was sent to — the same same-origin rule
    // as Next's server actions and our withRoute, so the app works under any name it is reached by.
    trustedOrigins: (request) => requestOrigins(request),
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Accounts come from /setup, ADMIN_EMAIL or an admin; nobody signs themselves up.
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: gatedPasswordHashing,
    },
    // No cookie cache: every request reads the session row, so deactivating a user or signing
    // out ends access at once rather than when a cached copy expires.
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      // Sign-in is throttled per email + address and per address by the hooks below (in Postgres,
      // counted before the password is checked).
      customRules: { "/sign-in/email": false },
    },
    hooks: { before: throttleSignInBefore, after: throttleSignInAfter },
    disabledPaths: ["/sign-up/email", ...adminPluginPaths],
    advanced: {
      // Explicit: better-auth turns its Origin check off by itself when TEST is set in the
      // environment, and CSRF protection must never depend on a stray variable.
      disableCSRFCheck: false,
      disableOriginCheck: false,
      cookiePrefix: "inbox",
      useSecureCookies: appUrl(env).startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      database: { generateId: () => crypto.randomUUID() },
      // Its per-address limits count the address our request guard resolved, not one the client sent.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    plugins: [
      admin({
        ac: accessControl,
        roles: { admin: adminAc, agent: userAc },
        defaultRole: "agent",
        adminRoles: ["admin"],
        bannedUserMessage: "This account has been deactivated. Ask an admin to reactivate it.",
      }),
      // Lets server code refresh the session cookie through next/headers; must stay last.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __inboxAuth?: Auth };

/** Created on first use: importing this module needs no database or secret (builds, unit tests). */
export function getAuth(): Auth {
  globalForAuth.__inboxAuth ??= createAuth();
  return globalForAuth.__inboxAuth;
}
