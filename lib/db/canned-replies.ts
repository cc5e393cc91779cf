import "server-only";
import type { Db } from "./client";

export type CannedReplyRow = {
  id: string;
  ownerId: string | null;
  title: string;
  shortcut: string;
  text: string;
};

const select = { id: true, ownerId: true, title: true, shortcut: true, text: true } as const;

/** The shared list and this user's own, by shortcut (shared first on a tie). */
export async function findCannedReplies({ db, userId }: { db: Db; userId: string }): Promise<CannedReplyRow[]> {
  return db.cannedReply.findMany({
    where: { OR: [{ ownerId: null }, { ownerId: userId }] },
    select,
    orderBy: [{ shortcut: "asc" }, { ownerId: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  });
}

export async function getCannedReply({ db, id }: { db: Db; id: string }): Promise<CannedReplyRow | null> {
  return db.cannedReply.findUnique({ where: { id }, select });
}

export async function createCannedReply({
  db,
  reply,
}: {
  db: Db;
  reply: Omit<CannedReplyRow, "id">;
}): Promise<CannedReplyRow> {
  return db.cannedReply.create({ data: reply, select });
}

export async function updateCannedReply({
  db,
  id,
  change,
}: {
  db: Db;
  id: string;
  change: Partial<Omit<CannedReplyRow, "id">>;
}): Promise<CannedReplyRow> {
  return db.cannedReply.update({ where: { id }, data: change, select });
}

export async function deleteCannedReply({ db, id }: { db: Db; id: string }): Promise<void> {
  await db.cannedReply.delete({ where: { id } });
}
