import "server-only";
import { isLabelColor, type LabelChipView, type LabelColor } from "@/lib/views/labels";
import { type Db, Prisma } from "./client";

export type LabelRow = LabelChipView & { conversationCount: number };

const toColor = (value: string): LabelColor => (isLabelColor(value) ? value : "gray");

/** Every label with how many conversations carry it, by name. */
export async function findLabels({ db }: { db: Db }): Promise<LabelRow[]> {
  const rows = await db.$queryRaw<{ id: string; name: string; color: string; count: number }[]>`
    SELECT l.id, l.name, l.color, (SELECT count(*)::int FROM conversation_labels cl WHERE cl.label_id = l.id) AS count
    FROM labels l ORDER BY lower(l.name), l.id`;
  return rows.map((row) => ({ id: row.id, name: row.name, color: toColor(row.color), conversationCount: row.count }));
}

export async function getLabel({ db, id }: { db: Db; id: string }): Promise<LabelChipView | null> {
  const row = await db.label.findUnique({ where: { id }, select: { id: true, name: true, color: true } });
  return row ? { ...row, color: toColor(row.color) } : null;
}

export async function countLabels({ db }: { db: Db }): Promise<number> {
  return db.label.count();
}

export async function createLabel({ db, label }: { db: Db; label: Omit<LabelChipView, "id"> }): Promise<LabelChipView> {
  const row = await db.label.create({ data: label, select: { id: true, name: true, color: true } });
  return { ...row, color: toColor(row.color) };
}

export async function updateLabel({
  db,
  id,
  change,
}: {
  db: Db;
  id: string;
  change: Partial<Omit<LabelChipView, "id">>;
}): Promise<LabelChipView> {
  const row = await db.label.update({ where: { id }, data: change, select: { id: true, name: true, color: true } });
  return { ...row, color: toColor(row.color) };
}

/** Deletes the label and takes it off every conversation (cascade); the ids of those conversations. */
export async function deleteLabel({ db, id }: { db: Db; id: string }): Promise<string[]> {
  const rows = await db.$queryRaw<{ conversation_id: string }[]>`
    SELECT conversation_id FROM conversation_labels WHERE label_id = ${id}`;
  await db.label.delete({ where: { id } });
  return rows.map((row) => row.conversation_id);
}

export type AddLabelOutcome = "added" | "present" | "full" | "no_conversation" | "no_label";

/**
 * Puts a label on a conversation unless it is there already, and only while the conversation holds
 * fewer than `max`. Run it in a transaction: the conversation's row is locked first, so two agents
 * adding at once are counted one after the other and cannot pass the limit together.
 */
export async function addConversationLabel({
  db,
  conversationId,
  labelId,
  userId,
  max,
}: {
  db: Prisma.TransactionClient;
  conversationId: string;
  labelId: string;
  userId: string;
  max: number;
}): Promise<AddLabelOutcome> {
  const locked = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM conversations WHERE id = ${conversationId} FOR UPDATE`;
  if (locked.length === 0) return "no_conversation";
  // A new statement after the lock: it sees what a concurrent adder committed before releasing it.
  const [row] = await db.$queryRaw<{ outcome: AddLabelOutcome }[]>`
    WITH label AS (SELECT id FROM labels WHERE id = ${labelId}),
    present AS (SELECT 1 FROM conversation_labels WHERE conversation_id = ${conversationId} AND label_id = ${labelId}),
    held AS (SELECT count(*) AS n FROM conversation_labels WHERE conversation_id = ${conversationId}),
    inserted AS (
      INSERT INTO conversation_labels (conversation_id, label_id, added_by_id)
      SELECT ${conversationId}, l.id, ${userId} FROM label l
      WHERE NOT EXISTS (SELECT 1 FROM present) AND (SELECT n FROM held) < ${max}
      ON CONFLICT DO NOTHING
      RETURNING 1)
    SELECT CASE
      WHEN NOT EXISTS (SELECT 1 FROM label) THEN 'no_label'
      WHEN EXISTS (SELECT 1 FROM present) THEN 'present'
      WHEN EXISTS (SELECT 1 FROM inserted) THEN 'added'
      ELSE 'full' END AS outcome`;
  return row?.outcome ?? "no_label";
}

/** Takes a label off a conversation; false when it was not on it. */
export async function removeConversationLabel({
  db,
  conversationId,
  labelId,
}: {
  db: Db;
  conversationId: string;
  labelId: string;
}): Promise<boolean> {
  const { count } = await db.conversationLabel.deleteMany({ where: { conversationId, labelId } });
  return count > 0;
}

/** Conversations per label and state (one number, or all): the counts beside the label filter. */
export async function countConversationsPerLabel({
  db,
  phoneNumberId,
}: {
  db: Db;
  phoneNumberId: string | null;
}): Promise<{ labelId: string; status: "open" | "pending" | "resolved"; count: number }[]> {
  const rows = await db.$queryRaw<{ label_id: string; status: "open" | "pending" | "resolved"; count: number }[]>`
    SELECT cl.label_id, c.status::text AS status, count(*)::int AS count
    FROM conversation_labels cl JOIN conversations c ON c.id = cl.conversation_id
    WHERE ${phoneNumberId === null ? Prisma.sql`TRUE` : Prisma.sql`c.phone_number_id = ${phoneNumberId}`}
    GROUP BY 1, 2`;
  return rows.map((row) => ({ labelId: row.label_id, status: row.status, count: row.count }));
}
