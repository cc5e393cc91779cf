import "server-only";
import type { Db } from "./client";

export type TemplateRow = {
  id: string;
  wabaId: string;
  metaId: string | null;
  name: string;
  language: string;
  category: string | null;
  status: string;
  reason: string | null;
  quality: string | null;
  parameterFormat: string;
  components: unknown;
  agentUsable: boolean;
  statusAt: Date;
  categoryAt: Date;
  qualityAt: Date;
  syncedAt: Date | null;
  updatedAt: Date;
};

/** The fields Meta changes (what realtime tells browsers). */
export type TemplateState = Pick<TemplateRow, "id" | "status" | "reason" | "category" | "quality">;

export type SyncedTemplate = {
  metaId: string;
  name: string;
  language: string;
  category: string | null;
  status: string;
  reason: string | null;
  quality: string | null;
  parameterFormat: string;
  components: unknown;
};

/** A change Meta announced for one template (null: this aspect is not part of it). */
export type TemplateChangeInput = {
  wabaId: string;
  metaId: string | null;
  name: string;
  language: string;
  status: string | null;
  reason: string | null;
  category: string | null;
  quality: string | null;
  /** When it happened; an aspect last set later than this is left alone. */
  at: Date;
};

/**
 * Records what Meta's list says about one template, as of `at` (when the sync started): its
 * definition always, and each of status, category and quality unless a later change is stored.
 * Returns the state before and after, for realtime.
 */
export async function upsertSyncedTemplate({
  db,
  wabaId,
  template,
  at,
}: {
  db: Db;
  wabaId: string;
  template: SyncedTemplate;
  at: Date;
}): Promise<{ before: TemplateState | null; after: TemplateState }> {
  const before = await lockTemplate({ db, wabaId, name: template.name, language: template.language });
  const [after] = await db.$queryRaw<TemplateState[]>`
    INSERT INTO templates (id, waba_id, meta_id, name, language, category, status, reason, quality, parameter_format,
                           components, status_at, category_at, quality_at, synced_at)
    VALUES (${`tpl_${crypto.randomUUID()}`}, ${wabaId}, ${template.metaId}, ${template.name}, ${template.language},
            ${template.category}, ${template.status}, ${template.reason}, ${template.quality}, ${template.parameterFormat},
            ${JSON.stringify(template.components)}::jsonb, ${at}, ${at}, ${at}, ${at})
    ON CONFLICT (waba_id, name, language) DO UPDATE SET
      meta_id = EXCLUDED.meta_id,
      parameter_format = EXCLUDED.parameter_format,
      components = EXCLUDED.components,
      synced_at = EXCLUDED.synced_at,
      status = CASE WHEN EXCLUDED.status_at >= templates.status_at THEN EXCLUDED.status ELSE templates.status END,
      reason = CASE WHEN EXCLUDED.status_at >= templates.status_at THEN EXCLUDED.reason ELSE templates.reason END,
      status_at = GREATEST(templates.status_at, EXCLUDED.status_at),
      category = CASE WHEN EXCLUDED.category_at >= templates.category_at THEN EXCLUDED.category ELSE templates.category END,
      category_at = GREATEST(templates.category_at, EXCLUDED.category_at),
      quality = CASE WHEN EXCLUDED.quality_at >= templates.quality_at THEN EXCLUDED.quality ELSE templates.quality END,
      quality_at = GREATEST(templates.quality_at, EXCLUDED.quality_at),
      updated_at = now()
    RETURNING id, status, reason, category, quality`;
  return { before, after: after! };
}

/**
 * Templates of a WABA that Meta's complete list no longer has: deleted in WhatsApp Manager, so
 * marked DELETED (kept, since sent messages name them). Returns them.
 */
export async function markUnlistedTemplatesDeleted({
  db,
  wabaId,
  syncedBefore,
}: {
  db: Db;
  wabaId: string;
  syncedBefore: Date;
}): Promise<TemplateState[]> {
  return db.$queryRaw<TemplateState[]>`
    UPDATE templates SET status = 'DELETED', reason = NULL, status_at = ${syncedBefore}, updated_at = now()
    WHERE waba_id = ${wabaId} AND status <> 'DELETED' AND status_at <= ${syncedBefore}
      AND (synced_at IS NULL OR synced_at < ${syncedBefore})
    RETURNING id, status, reason, category, quality`;
}

/** Applies one announced change (creating the template when Meta's list has not been read yet). */
export async function applyTemplateChange({
  db,
  change,
}: {
  db: Db;
  change: TemplateChangeInput;
}): Promise<{ before: TemplateState | null; after: TemplateState }> {
  const { wabaId, metaId, name, language, status, reason, category, quality, at } = change;
  const before = await lockTemplate({ db, wabaId, name, language });
  const epoch = new Date(0);
  const [after] = await db.$queryRaw<TemplateState[]>`
    INSERT INTO templates (id, waba_id, meta_id, name, language, category, status, reason, quality,
                           status_at, category_at, quality_at)
    VALUES (${`tpl_${crypto.randomUUID()}`}, ${wabaId}, ${metaId}, ${name}, ${language}, ${category},
            ${status ?? "UNKNOWN"}, ${reason}, ${quality}, ${status === null ? epoch : at},
            ${category === null ? epoch : at}, ${quality === null ? epoch : at})
    ON CONFLICT (waba_id, name, language) DO UPDATE SET
      meta_id = COALESCE(templates.meta_id, EXCLUDED.meta_id),
      status = CASE WHEN ${status}::text IS NOT NULL AND ${at} >= templates.status_at THEN ${status} ELSE templates.status END,
      reason = CASE WHEN ${status}::text IS NOT NULL AND ${at} >= templates.status_at THEN ${reason} ELSE templates.reason END,
      status_at = CASE WHEN ${status}::text IS NOT NULL THEN GREATEST(templates.status_at, ${at}) ELSE templates.status_at END,
      category = CASE WHEN ${category}::text IS NOT NULL AND ${at} >= templates.category_at THEN ${category} ELSE templates.category END,
      category_at = CASE WHEN ${category}::text IS NOT NULL THEN GREATEST(templates.category_at, ${at}) ELSE templates.category_at END,
      quality = CASE WHEN ${quality}::text IS NOT NULL AND ${at} >= templates.quality_at THEN ${quality} ELSE templates.quality END,
      quality_at = CASE WHEN ${quality}::text IS NOT NULL THEN GREATEST(templates.quality_at, ${at}) ELSE templates.quality_at END,
      updated_at = now()
    RETURNING id, status, reason, category, quality`;
  return { before, after: after! };
}

async function lockTemplate({
  db,
  wabaId,
  name,
  language,
}: {
  db: Db;
  wabaId: string;
  name: string;
  language: string;
}): Promise<TemplateState | null> {
  const [row] = await db.$queryRaw<TemplateState[]>`
    SELECT id, status, reason, category, quality FROM templates
    WHERE waba_id = ${wabaId} AND name = ${name} AND language = ${language} FOR UPDATE`;
  return row ?? null;
}

export type StoredTemplateEvent = { field: string; wabaId: string | null; value: unknown; at: Date };

/**
 * Template webhooks kept as account events, oldest first; only those with these dedupe keys when
 * given (the ones a batch just stored). Their time is when they were stored (Meta's delivery time).
 */
export async function findStoredTemplateEvents({
  db,
  fields,
  dedupeKeys,
}: {
  db: Db;
  fields: readonly string[];
  dedupeKeys?: string[];
}): Promise<StoredTemplateEvent[]> {
  const rows = await db.accountEvent.findMany({
    where: { field: { in: [...fields] }, ...(dedupeKeys ? { dedupeKey: { in: dedupeKeys } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { field: true, wabaId: true, value: true, createdAt: true },
  });
  return rows.map((row) => ({ field: row.field, wabaId: row.wabaId, value: row.value, at: row.createdAt }));
}

export async function findTemplates({ db, wabaIds }: { db: Db; wabaIds?: string[] }): Promise<TemplateRow[]> {
  return db.template.findMany({
    where: wabaIds ? { wabaId: { in: wabaIds } } : {},
    orderBy: [{ name: "asc" }, { language: "asc" }],
  });
}

export async function getTemplate({ db, id }: { db: Db; id: string }): Promise<TemplateRow | null> {
  return db.template.findUnique({ where: { id } });
}

export async function updateTemplateUsable({ db, id, agentUsable }: { db: Db; id: string; agentUsable: boolean }) {
  return db.template.update({ where: { id }, data: { agentUsable } });
}

/** The template a queued send names, in the WABA of the number it leaves from. */
export async function getTemplateOfSend({
  db,
  phoneNumberRowId,
  name,
  language,
}: {
  db: Db;
  phoneNumberRowId: string;
  name: string;
  language: string;
}): Promise<Pick<TemplateRow, "status" | "reason" | "agentUsable"> | null> {
  const [row] = await db.$queryRaw<{ status: string; reason: string | null; agent_usable: boolean }[]>`
    SELECT t.status, t.reason, t.agent_usable FROM templates t
    JOIN business_accounts b ON b.waba_id = t.waba_id
    JOIN phone_numbers p ON p.business_account_id = b.id
    WHERE p.id = ${phoneNumberRowId} AND t.name = ${name} AND t.language = ${language}`;
  return row ? { status: row.status, reason: row.reason, agentUsable: row.agent_usable } : null;
}

/** Every WABA a configured number belongs to. */
export async function findBusinessAccountIds({ db }: { db: Db }): Promise<string[]> {
  const rows = await db.businessAccount.findMany({
    where: { phoneNumbers: { some: {} } },
    select: { wabaId: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => row.wabaId);
}
