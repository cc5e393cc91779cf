import "server-only";
import type { Db } from "./client";

export type ContactIdentity = {
  waId: string | null;
  userId: string | null;
  profileName: string | null;
  username: string | null;
};

/**
 * Finds or creates the contact for a sender known by phone (wa_id), by business-scoped user id, or
 * both, and keeps its profile up to date. Unique indexes on both ids make concurrent first messages
 * from the same person collapse into one row.
 */
export async function ensureContact({ db, identity }: { db: Db; identity: ContactIdentity }): Promise<string> {
  const { waId, userId, profileName, username } = identity;
  if (!waId && !userId) throw new Error("a contact needs a wa_id or a user_id");
  await db.$executeRaw`
    INSERT INTO contacts (id, wa_id, user_id, profile_name, username, updated_at)
    VALUES (${`ct_${crypto.randomUUID()}`}, ${waId}, ${userId}, ${profileName}, ${username}, now())
    ON CONFLICT DO NOTHING`;
  const rows = await db.contact.findMany({
    where: { OR: [...(waId ? [{ waId }] : []), ...(userId ? [{ userId }] : [])] },
    orderBy: { createdAt: "asc" },
  });
  // Prefer the phone-number row: a BSUID-only row for the same person can exist from before the
  // phone number was shared; the older row keeps the history.
  const contact = rows.find((row) => waId !== null && row.waId === waId) ?? rows[0];
  if (!contact) throw new Error("contact vanished after insert");
  const data: { profileName?: string; username?: string; userId?: string } = {};
  if (profileName && contact.profileName !== profileName) data.profileName = profileName;
  if (username && contact.username !== username) data.username = username;
  if (userId && !contact.userId && !rows.some((row) => row.userId === userId)) data.userId = userId;
  if (Object.keys(data).length > 0) await db.contact.update({ where: { id: contact.id }, data });
  return contact.id;
}
