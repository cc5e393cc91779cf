import "server-only";
import type { Db } from "./client";

export type ContactPanelRow = {
  id: string;
  saved_name: string | null;
  profile_name: string | null;
  wa_id: string | null;
  user_id: string | null;
  username: string | null;
  created_at: Date;
  notes: string | null;
};

export type ContactConversationRow = {
  id: string;
  status: "open" | "pending" | "resolved";
  phone_id: string;
  phone_display: string | null;
  phone_name: string | null;
  last_message_at: Date | null;
  assignee_id: string | null;
  assignee_name: string | null;
  labels: { id: string; name: string; color: string }[];
};

export async function getContactPanelRow({ db, id }: { db: Db; id: string }): Promise<ContactPanelRow | null> {
  const [row] = await db.$queryRaw<ContactPanelRow[]>`
    SELECT id, name AS saved_name, profile_name, wa_id, user_id, username, created_at, notes
    FROM contacts WHERE id = ${id}`;
  return row ?? null;
}

/** Every conversation of one contact (one per business number), newest activity first. */
export async function findContactConversations({
  db,
  contactId,
}: {
  db: Db;
  contactId: string;
}): Promise<ContactConversationRow[]> {
  return db.$queryRaw<ContactConversationRow[]>`
    SELECT c.id, c.status::text AS status, pn.id AS phone_id, pn.display_phone_number AS phone_display,
           pn.name AS phone_name, c.last_message_at, u.id AS assignee_id, u.name AS assignee_name,
           COALESCE((
             SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color) ORDER BY lower(l.name), l.id)
             FROM conversation_labels cl JOIN labels l ON l.id = cl.label_id
             WHERE cl.conversation_id = c.id), '[]'::json) AS labels
    FROM conversations c
    JOIN phone_numbers pn ON pn.id = c.phone_number_id
    LEFT JOIN users u ON u.id = c.assignee_id
    WHERE c.contact_id = ${contactId}
    ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id DESC`;
}

/** Sets the team's name and/or notes; the ids of the contact's conversations, or null when it does not exist. */
export async function updateContactDetails({
  db,
  id,
  savedName,
  notes,
}: {
  db: Db;
  id: string;
  savedName?: string | null;
  notes?: string | null;
}): Promise<string[] | null> {
  const { count } = await db.contact.updateMany({
    where: { id },
    data: { ...(savedName !== undefined ? { name: savedName } : {}), ...(notes !== undefined ? { notes } : {}) },
  });
  if (count === 0) return null;
  const rows = await db.conversation.findMany({ where: { contactId: id }, select: { id: true } });
  return rows.map((row) => row.id);
}
