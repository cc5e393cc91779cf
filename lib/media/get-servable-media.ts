import "server-only";
import { sessionSettings, verifiedSessionToken } from "@/lib/auth/session-cookie";
import { getDb } from "@/lib/db/client";
import { getStoredMediaForSession, type StoredMediaFile } from "@/lib/db/media";
import { getMediaStorage } from "./storage";

export type ServableMedia = { file: StoredMediaFile; size: number };

/**
 * For GET /api/media/<id>: whether the request's session cookie is a signed-in user's (the same
 * decision as getUserFromHeaders: a signed token, a live session, a user not deactivated; the
 * session is not slid here, any page does that) and, for one only, the message's stored file and
 * its size in the store — null for an unknown message, one not stored yet, or a file gone from the
 * store. The session and the file's row are one query.
 */
export async function getServableMedia({
  cookie,
  messageId,
}: {
  cookie: string | undefined;
  messageId: string;
}): Promise<{ signedIn: false } | { signedIn: true; media: ServableMedia | null }> {
  const { cookieName, secret } = await sessionSettings();
  const sessionToken = verifiedSessionToken(cookie, cookieName, secret);
  if (!sessionToken) return { signedIn: false };
  const found = await getStoredMediaForSession({ db: getDb(), sessionToken, messageId });
  if (!found.signedIn) return found;
  const stat = found.file ? await getMediaStorage().stat(found.file.sha256) : null;
  return { signedIn: true, media: found.file && stat ? { file: found.file, size: stat.size } : null };
}
