import "server-only";
import type { Db } from "./client";

export type ConversationMerge = { from: string; into: string };

/**
 * A customer changed number and wrote from the new one before Meta's "changed number" note reached
 * us: two contacts are one person. `newContactId` (created by the new number's first message) is
 * folded into `oldContactId`, which then takes the new wa_id. On a business number where both have
 * a conversation, the new one's messages, labels and mentions move into the old one and the new
 * conversation is deleted (returned as a merge, so open browsers can follow); the new contact's other
 * conversations simply change hands. The team's name and notes stay (the new contact's fill in where there are none); Meta's newest
 * profile wins.
 * Runs inside the caller's transaction.
 */
export async function mergeContactInto({
  db,
  oldContactId,
  newContactId,
  newWaId,
}: {
  db: Db;
  oldContactId: string;
  newContactId: string;
  newWaId: string;
}): Promise<ConversationMerge[]> {
  await db.$queryRaw`SELECT id FROM contacts WHERE id IN (${oldContactId}, ${newContactId}) ORDER BY id FOR UPDATE`;
  const merges = await db.$queryRaw<ConversationMerge[]>`
    SELECT n.id AS "from", o.id AS "into"
    FROM conversations n
    JOIN conversations o ON o.phone_number_id = n.phone_number_id AND o.contact_id = ${oldContactId}
    WHERE n.contact_id = ${newContactId}
    ORDER BY n.id
    FOR UPDATE OF n, o`;
  for (const { from, into } of merges) {
    await db.$executeRaw`UPDATE messages SET conversation_id = ${into} WHERE conversation_id = ${from}`;
    await db.$executeRaw`UPDATE outbound_sends SET conversation_id = ${into} WHERE conversation_id = ${from}`;
    await db.$executeRaw`UPDATE note_mentions SET conversation_id = ${into} WHERE conversation_id = ${from}`;
    await db.$executeRaw`
      INSERT INTO conversation_labels (conversation_id, label_id, added_by_id, created_at)
      SELECT ${into}, label_id, added_by_id, created_at FROM conversation_labels WHERE conversation_id = ${from}
      ON CONFLICT DO NOTHING`;
    // One conversation with both histories: the latest activity decides the state; an assignee stays;
    // a window Meta closed stays closed only if the customer has not written since.
    await db.$executeRaw`
      UPDATE conversations o SET
        status = CASE WHEN n.last_message_at > o.last_message_at OR o.last_message_at IS NULL THEN n.status ELSE o.status END,
        assignee_id = COALESCE(o.assignee_id, n.assignee_id),
        last_message_at = GREATEST(o.last_message_at, n.last_message_at),
        last_inbound_at = GREATEST(o.last_inbound_at, n.last_inbound_at),
        window_closed_at = CASE
          WHEN GREATEST(o.window_closed_at, n.window_closed_at) > COALESCE(GREATEST(o.last_inbound_at, n.last_inbound_at), '-infinity')
          THEN GREATEST(o.window_closed_at, n.window_closed_at) END,
        read_receipt_wamid = CASE WHEN n.last_inbound_at > o.last_inbound_at OR o.last_inbound_at IS NULL
          THEN COALESCE(n.read_receipt_wamid, o.read_receipt_wamid) ELSE o.read_receipt_wamid END,
        updated_at = now()
      FROM conversations n
      WHERE o.id = ${into} AND n.id = ${from}`;
    // Reads and labels of the folded conversation go with it (cascade): an agent's read mark on the
    // old conversation still holds, and what came from the new number counts as unread until seen.
    await db.$executeRaw`DELETE FROM conversations WHERE id = ${from}`;
  }
  await db.$executeRaw`UPDATE conversations SET contact_id = ${oldContactId}, updated_at = now() WHERE contact_id = ${newContactId}`;
  // One reaction per sender and message: where both numbers reacted to the same message, the later stays.
  await db.$executeRaw`
    DELETE FROM reactions r USING reactions k
    WHERE r.target_wamid = k.target_wamid
      AND ((r.from_key = ${newContactId} AND k.from_key = ${oldContactId} AND r.timestamp <= k.timestamp)
        OR (r.from_key = ${oldContactId} AND k.from_key = ${newContactId} AND r.timestamp < k.timestamp))`;
  await db.$executeRaw`UPDATE reactions SET from_key = ${oldContactId} WHERE from_key = ${newContactId}`;
  // The team's attribute values of the new contact fill in where the old one has none.
  await db.$executeRaw`
    INSERT INTO contact_attribute_values (contact_id, attribute_id, value, updated_at)
    SELECT ${oldContactId}, attribute_id, value, updated_at FROM contact_attribute_values WHERE contact_id = ${newContactId}
    ON CONFLICT (contact_id, attribute_id) DO NOTHING`;
  const [folded] = await db.$queryRaw<
    {
      user_id: string | null;
      profile_name: string | null;
      username: string | null;
      name: string | null;
      notes: string | null;
    }[]
  >`DELETE FROM contacts WHERE id = ${newContactId} RETURNING user_id, profile_name, username, name, notes`;
  await db.$executeRaw`
    UPDATE contacts SET
      wa_id = ${newWaId},
      user_id = COALESCE(user_id, ${folded?.user_id ?? null}),
      profile_name = COALESCE(${folded?.profile_name ?? null}, profile_name),
      username = COALESCE(${folded?.username ?? null}, username),
      name = COALESCE(name, ${folded?.name ?? null}),
      notes = COALESCE(notes, ${folded?.notes ?? null}),
      updated_at = now()
    WHERE id = ${oldContactId}`;
  return merges;
}
