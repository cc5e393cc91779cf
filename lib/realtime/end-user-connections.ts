import "server-only";
import { getPusher } from "./server";

/**
 * Closes every realtime socket signed in as this user (Pusher's terminate_connections), so a
 * deactivated or signed-out user stops receiving events at once rather than keeping an open
 * subscription. Never throws: the sessions are already gone, and a socket that missed this cannot
 * subscribe again without a session.
 */
export async function endUserConnections({ userId }: { userId: string }): Promise<void> {
  try {
    await getPusher().terminateUserConnections(userId);
  } catch (error) {
    console.error(`[realtime] could not end the live connections of user ${userId}`, error);
  }
}
