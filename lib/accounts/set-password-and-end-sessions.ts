import "server-only";
import { getAuth } from "@/lib/auth/auth";
import { endUserConnections } from "@/lib/realtime/end-user-connections";

/**
 * Sets a user's password with better-auth's own hasher (scrypt, as at sign-up) and ends every
 * session they have, and every live realtime socket (which no longer has a session behind it). For resets by link: the person has no session, so the session-bound server
 * endpoints (changePassword, the admin plugin's setUserPassword) do not apply; this goes through
 * the same internal adapter those endpoints use, not around better-auth.
 */
export async function setPasswordAndEndSessions({ userId, password }: { userId: string; password: string }) {
  const context = await getAuth().$context;
  const hash = await context.password.hash(password);
  const account = await context.internalAdapter.findCredentialAccount(userId);
  if (account) {
    await context.internalAdapter.updatePassword(userId, hash);
  } else {
    await context.internalAdapter.createAccount({
      userId,
      providerId: "credential",
      accountId: userId,
      password: hash,
    });
  }
  await context.internalAdapter.deleteUserSessions(userId);
  await endUserConnections({ userId });
}
