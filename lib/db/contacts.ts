import "server-only";
import type { Db } from "./client";
import { type ConversationMerge, mergeContactInto } from "./merge-contacts";

export type ContactIdentity = {
  waId: string | null;
  userId: string | null;
  profileName: string | null;
  username: string | null;
};

/** wa_id when known (the phone number), else the business-scoped user id. */
export const contactKey = (identity: { waId: string | null; userId: string | null }) =>
  identity.waId ? `wa:${identity.waId}` : `user:${identity.userId}`;

/**
 * Finds or creates the contacts for senders known by phone (wa_id), by business-scoped user id, or
 * both, in three round trips whatever their number, and keeps profiles up to date. Unique indexes
 * on both ids make concurrent first messages from the same person collapse into one row.
 * Returns contact ids by contactKey().
 */
export async function ensureContacts({
  db,
  identities,
}: {
  db: Db;
  identities: ContactIdentity[];
}): Promise<Map<string, string>> {
  const byKey = new Map<string, ContactIdentity>();
  for (const identity of identities) {
    if (!identity.waId && !identity.userId) throw new Error("a contact needs a wa_id or a user_id");
    const key = contactKey(identity);
    // Several messages from one sender in a batch: the latest non-empty profile data wins.
    byKey.set(key, { ...(byKey.get(key) ?? identity), ...definedOnly(identity) });
  }
  // Sorted, so that concurrent batches insert in the same order and cannot deadlock each other.
  const wanted = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, identity]) => identity);
  if (wanted.length === 0) return new Map();
  await db.$executeRaw`
    INSERT INTO contacts (id, wa_id, user_id, profile_name, username, updated_at)
    SELECT 'ct_' || gen_random_uuid(), v.wa_id, v.user_id, v.profile_name, v.username, now()
    FROM unnest(${wanted.map((c) => c.waId)}::text[], ${wanted.map((c) => c.userId)}::text[],
                ${wanted.map((c) => c.profileName)}::text[], ${wanted.map((c) => c.username)}::text[])
         AS v(wa_id, user_id, profile_name, username)
    ON CONFLICT DO NOTHING`;
  const waIds = wanted.flatMap((c) => (c.waId ? [c.waId] : []));
  const userIds = wanted.flatMap((c) => (c.userId ? [c.userId] : []));
  const rows = await db.$queryRaw<
    { id: string; wa_id: string | null; user_id: string | null; profile_name: string | null; username: string | null }[]
  >`
    SELECT id, wa_id, user_id, profile_name, username FROM contacts
    WHERE wa_id = ANY(${waIds}::text[]) OR user_id = ANY(${userIds}::text[])
    ORDER BY created_at`;
  const result = new Map<string, string>();
  const updates: { id: string; profileName: string | null; username: string | null; userId: string | null }[] = [];
  for (const identity of wanted) {
    // Prefer the phone-number row: a BSUID-only row for the same person can exist from before the
    // phone number was shared; the older row keeps the history.
    const row =
      rows.find((candidate) => identity.waId !== null && candidate.wa_id === identity.waId) ??
      rows.find((candidate) => identity.userId !== null && candidate.user_id === identity.userId);
    if (!row) throw new Error("contact vanished after insert");
    result.set(contactKey(identity), row.id);
    const claimUserId =
      identity.userId && !row.user_id && !rows.some((other) => other.user_id === identity.userId)
        ? identity.userId
        : null;
    const newName = identity.profileName && identity.profileName !== row.profile_name ? identity.profileName : null;
    const newUsername = identity.username && identity.username !== row.username ? identity.username : null;
    if (claimUserId || newName || newUsername) {
      updates.push({ id: row.id, profileName: newName, username: newUsername, userId: claimUserId });
    }
  }
  if (updates.length > 0) {
    await db.$executeRaw`
      UPDATE contacts c SET profile_name = COALESCE(v.profile_name, c.profile_name),
        username = COALESCE(v.username, c.username), user_id = COALESCE(c.user_id, v.user_id), updated_at = now()
      FROM unnest(${updates.map((u) => u.id)}::text[], ${updates.map((u) => u.profileName)}::text[],
                  ${updates.map((u) => u.username)}::text[], ${updates.map((u) => u.userId)}::text[])
           AS v(id, profile_name, username, user_id)
      WHERE c.id = v.id`;
  }
  return result;
}

export async function ensureContact({ db, identity }: { db: Db; identity: ContactIdentity }): Promise<string> {
  const ids = await ensureContacts({ db, identities: [identity] });
  return ids.get(contactKey(identity))!;
}

function definedOnly(identity: ContactIdentity): Partial<ContactIdentity> {
  return Object.fromEntries(Object.entries(identity).filter(([, value]) => value !== null));
}

/**
 * Moves contacts to the number they changed to, so that the new number's next message continues
 * the same conversations. When the new number already has a contact (its first message arrived
 * before Meta's note of the change), that contact is folded into the old one (mergeContactInto).
 * Returns the changes applied and the conversations folded into others.
 */
export async function changeContactNumbers({
  db,
  changes,
}: {
  db: Db;
  changes: { fromWaId: string; toWaId: string }[];
}): Promise<{ applied: { contactId: string; fromWaId: string; toWaId: string }[]; merges: ConversationMerge[] }> {
  const applied: { contactId: string; fromWaId: string; toWaId: string }[] = [];
  const merges: ConversationMerge[] = [];
  // One by one and in order: A→B then B→C must end at C.
  for (const change of changes) {
    const found = await db.$queryRaw<{ id: string; wa_id: string }[]>`
      SELECT id, wa_id FROM contacts WHERE wa_id IN (${change.fromWaId}, ${change.toWaId})`;
    const old = found.find((row) => row.wa_id === change.fromWaId);
    if (!old) continue;
    const taken = found.find((row) => row.wa_id === change.toWaId);
    if (taken) {
      merges.push(
        ...(await mergeContactInto({ db, oldContactId: old.id, newContactId: taken.id, newWaId: change.toWaId })),
      );
    } else {
      await db.$executeRaw`UPDATE contacts SET wa_id = ${change.toWaId}, updated_at = now() WHERE id = ${old.id}`;
    }
    applied.push({ contactId: old.id, ...change });
  }
  return { applied, merges };
}
