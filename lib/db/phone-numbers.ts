import "server-only";
import type { Db } from "./client";

/**
 * Registers our number on first sight and returns its row id. Insert-or-nothing plus a conditional
 * update: concurrent events for the same number never queue behind a row lock they don't need.
 */
export async function ensurePhoneNumber({
  db,
  phoneNumberId,
  displayPhoneNumber,
  wabaId,
}: {
  db: Db;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  wabaId: string | null;
}): Promise<string> {
  let businessAccountId: string | null = null;
  if (wabaId) {
    await db.$executeRaw`INSERT INTO business_accounts (id, waba_id) VALUES (${`ba_${wabaId}`}, ${wabaId}) ON CONFLICT (waba_id) DO NOTHING`;
    const account = await db.businessAccount.findUniqueOrThrow({ where: { wabaId }, select: { id: true } });
    businessAccountId = account.id;
  }
  const rows = await db.$queryRaw<
    { id: string; display_phone_number: string | null; business_account_id: string | null }[]
  >`
    WITH inserted AS (
      INSERT INTO phone_numbers (id, phone_number_id, display_phone_number, business_account_id)
      VALUES (${`pn_${phoneNumberId}`}, ${phoneNumberId}, ${displayPhoneNumber}, ${businessAccountId})
      ON CONFLICT (phone_number_id) DO NOTHING
      RETURNING id, display_phone_number, business_account_id)
    SELECT id, display_phone_number, business_account_id FROM inserted
    UNION ALL
    SELECT id, display_phone_number, business_account_id FROM phone_numbers WHERE phone_number_id = ${phoneNumberId}
    LIMIT 1`;
  const row = rows[0];
  if (!row) throw new Error(`phone number ${phoneNumberId} could not be registered`);
  const displayChanged = displayPhoneNumber !== null && row.display_phone_number !== displayPhoneNumber;
  const accountMissing = businessAccountId !== null && row.business_account_id === null;
  if (displayChanged || accountMissing) {
    await db.phoneNumber.update({
      where: { id: row.id },
      data: {
        ...(displayChanged ? { displayPhoneNumber } : {}),
        ...(accountMissing ? { businessAccountId } : {}),
      },
    });
  }
  return row.id;
}

export async function findPhoneNumbers({ db }: { db: Db }) {
  return db.phoneNumber.findMany({
    orderBy: { createdAt: "asc" },
    include: { businessAccount: true, autoAssignment: { select: { enabled: true, cap: true } } },
  });
}

export async function getPhoneNumber({ db, id }: { db: Db; id: string }) {
  return db.phoneNumber.findUnique({ where: { id }, include: { businessAccount: true } });
}

/** Names a number and links it to its business account (created on first mention of the WABA id). */
export async function updatePhoneNumber({
  db,
  id,
  name,
  wabaId,
}: {
  db: Db;
  id: string;
  name: string | null;
  wabaId: string | null;
}) {
  let businessAccountId: string | null = null;
  if (wabaId) {
    await db.$executeRaw`INSERT INTO business_accounts (id, waba_id) VALUES (${`ba_${wabaId}`}, ${wabaId}) ON CONFLICT (waba_id) DO NOTHING`;
    businessAccountId = (await db.businessAccount.findUniqueOrThrow({ where: { wabaId }, select: { id: true } })).id;
  }
  return db.phoneNumber.update({
    where: { id },
    data: { name, businessAccountId },
    include: { businessAccount: true, autoAssignment: { select: { enabled: true, cap: true } } },
  });
}
