import "server-only";
import {
  type BusinessHoursSchedule,
  emptyWeekly,
  type OpenInterval,
  WEEKDAYS,
} from "@/lib/views/business-hours-schedule";
import type { Db } from "./client";

export type BusinessHoursRow = BusinessHoursSchedule & {
  phoneNumberId: string;
  awayEnabled: boolean;
  awayText: string;
  greetingEnabled: boolean;
  greetingText: string;
};

type RawRow = {
  phone_number_id: string;
  time_zone: string;
  weekly: unknown;
  holidays: unknown;
  away_enabled: boolean;
  away_text: string;
  greeting_enabled: boolean;
  greeting_text: string;
};

// The JSON columns are only ever written through the zod schema; read defensively all the same.
function toRow(raw: RawRow): BusinessHoursRow {
  const weekly = emptyWeekly();
  const stored = (raw.weekly ?? {}) as Record<string, unknown>;
  for (const day of WEEKDAYS) {
    const intervals = stored[day];
    if (Array.isArray(intervals)) weekly[day] = intervals as OpenInterval[];
  }
  return {
    phoneNumberId: raw.phone_number_id,
    timeZone: raw.time_zone,
    weekly,
    holidays: Array.isArray(raw.holidays) ? (raw.holidays as string[]) : [],
    awayEnabled: raw.away_enabled,
    awayText: raw.away_text,
    greetingEnabled: raw.greeting_enabled,
    greetingText: raw.greeting_text,
  };
}

export async function getBusinessHours({ db, phoneNumberId }: { db: Db; phoneNumberId: string }) {
  const [row] = await db.$queryRaw<RawRow[]>`
    SELECT phone_number_id, time_zone, weekly, holidays, away_enabled, away_text, greeting_enabled, greeting_text
    FROM business_hours WHERE phone_number_id = ${phoneNumberId}`;
  return row ? toRow(row) : null;
}

/** Every number's hours (for the inbox's "Back at"). */
export async function findBusinessHours({ db }: { db: Db }): Promise<BusinessHoursRow[]> {
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT phone_number_id, time_zone, weekly, holidays, away_enabled, away_text, greeting_enabled, greeting_text
    FROM business_hours`;
  return rows.map(toRow);
}

export async function upsertBusinessHours({ db, hours }: { db: Db; hours: BusinessHoursRow }): Promise<void> {
  await db.$executeRaw`
    INSERT INTO business_hours (phone_number_id, time_zone, weekly, holidays, away_enabled, away_text,
                                greeting_enabled, greeting_text, updated_at)
    VALUES (${hours.phoneNumberId}, ${hours.timeZone}, ${JSON.stringify(hours.weekly)}::jsonb,
            ${JSON.stringify(hours.holidays)}::jsonb, ${hours.awayEnabled}, ${hours.awayText},
            ${hours.greetingEnabled}, ${hours.greetingText}, now())
    ON CONFLICT (phone_number_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, weekly = EXCLUDED.weekly,
      holidays = EXCLUDED.holidays, away_enabled = EXCLUDED.away_enabled, away_text = EXCLUDED.away_text,
      greeting_enabled = EXCLUDED.greeting_enabled, greeting_text = EXCLUDED.greeting_text, updated_at = now()`;
}

/** Removes a number's hours (and with them its automatic messages); whether there were any. */
export async function deleteBusinessHours({ db, phoneNumberId }: { db: Db; phoneNumberId: string }): Promise<boolean> {
  return (await db.$executeRaw`DELETE FROM business_hours WHERE phone_number_id = ${phoneNumberId}`) > 0;
}

/**
 * For conversations that just received customer messages: their number's hours when an automatic
 * message is on, and whether the customer wrote before (any inbound message other than the new ones).
 */
export async function findAutoReplyCandidates({
  db,
  conversationIds,
  newMessageIds,
}: {
  db: Db;
  conversationIds: string[];
  newMessageIds: string[];
}): Promise<(BusinessHoursRow & { conversationId: string; wroteBefore: boolean })[]> {
  const rows = await db.$queryRaw<(RawRow & { conversation_id: string; wrote_before: boolean })[]>`
    SELECT c.id AS conversation_id, b.phone_number_id, b.time_zone, b.weekly, b.holidays, b.away_enabled,
           b.away_text, b.greeting_enabled, b.greeting_text,
           EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'inbound'
                     AND m.id <> ALL(${newMessageIds}::text[])) AS wrote_before
    FROM conversations c JOIN business_hours b ON b.phone_number_id = c.phone_number_id
    WHERE c.id = ANY(${conversationIds}::text[]) AND (b.away_enabled OR b.greeting_enabled)`;
  return rows.map((row) => ({ ...toRow(row), conversationId: row.conversation_id, wroteBefore: row.wrote_before }));
}

/**
 * Claims an automatic message for a conversation: true when this call made the claim, false when
 * one was already made for the same kind and period (a replay, a concurrent worker, a second message).
 */
export async function claimAutoReply({
  db,
  conversationId,
  kind,
  periodStart,
}: {
  db: Db;
  conversationId: string;
  kind: "away" | "greeting";
  periodStart: Date;
}): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO auto_replies (conversation_id, kind, period_start) VALUES (${conversationId}, ${kind}, ${periodStart})
    ON CONFLICT DO NOTHING`;
  return inserted > 0;
}

export async function recordAutoReplyMessage({
  db,
  conversationId,
  kind,
  periodStart,
  messageId,
}: {
  db: Db;
  conversationId: string;
  kind: "away" | "greeting";
  periodStart: Date;
  messageId: string;
}): Promise<void> {
  await db.$executeRaw`
    UPDATE auto_replies SET message_id = ${messageId}
    WHERE conversation_id = ${conversationId} AND kind = ${kind} AND period_start = ${periodStart}`;
}
