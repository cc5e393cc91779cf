import "server-only";
import type { Db } from "./client";

export async function getSetting({ db, key }: { db: Db; key: string }): Promise<string | null> {
  const row = await db.setting.findUnique({ where: { key } });
  return row?.value ?? null;
}

/**
 * Returns the stored value, storing `value` first when there is none. Safe when several processes
 * start at once: the first insert wins and everyone reads the same value back.
 */
export async function getOrCreateSetting({ db, key, value }: { db: Db; key: string; value: string }): Promise<string> {
  await db.$executeRaw`INSERT INTO settings (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO NOTHING`;
  const row = await db.setting.findUniqueOrThrow({ where: { key } });
  return row.value;
}

export async function updateSetting({ db, key, value }: { db: Db; key: string; value: string }): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

/** Compare-and-set: replaces the value only if it is still `expected`. Returns whether it did. */
export async function updateSettingIfUnchanged({
  db,
  key,
  expected,
  value,
}: {
  db: Db;
  key: string;
  expected: string;
  value: string;
}): Promise<boolean> {
  const { count } = await db.setting.updateMany({ where: { key, value: expected }, data: { value } });
  return count > 0;
}

export async function deleteSetting({ db, key }: { db: Db; key: string }): Promise<void> {
  await db.setting.deleteMany({ where: { key } });
}

export async function findSettingRows({ db, keys }: { db: Db; keys: string[] }) {
  return db.setting.findMany({ where: { key: { in: keys } } });
}
