import "server-only";
import type { Db } from "@/lib/db/client";
import { applyTemplateChange, findStoredTemplateEvents, type TemplateState } from "@/lib/db/templates";
import type { TemplateChange } from "@/lib/views/template";
import { readTemplateEvent, TEMPLATE_EVENT_FIELDS } from "@/lib/whatsapp/template-schema";

/**
 * Applies the stored template webhooks (status, category, quality) to the templates table, oldest
 * first: all of them (start-up, a sync — which also catches those stored before templates existed
 * here), or those of a batch just stored. Idempotent: each aspect only moves to a change at least as
 * recent as the one it holds, so applying an event again, or an older one late, changes nothing.
 * Returns the templates whose state changed.
 */
export async function applyTemplateEvents({
  db,
  dedupeKeys,
}: {
  db: Db;
  dedupeKeys?: string[];
}): Promise<{ applied: number; changed: TemplateChange[] }> {
  if (dedupeKeys && dedupeKeys.length === 0) return { applied: 0, changed: [] };
  const events = await findStoredTemplateEvents({ db, fields: TEMPLATE_EVENT_FIELDS, dedupeKeys });
  const changed = new Map<string, TemplateChange>();
  let applied = 0;
  for (const stored of events) {
    const event = readTemplateEvent(stored.field, stored.value);
    if (!event || !stored.wabaId) continue;
    const { before, after } = await applyTemplateChange({
      db,
      change: { ...event, wabaId: stored.wabaId, at: stored.at },
    });
    applied += 1;
    if (stateChanged(before, after)) changed.set(after.id, after);
  }
  return { applied, changed: [...changed.values()] };
}

export function stateChanged(before: TemplateState | null, after: TemplateState): boolean {
  return (
    !before ||
    before.status !== after.status ||
    before.reason !== after.reason ||
    before.category !== after.category ||
    before.quality !== after.quality
  );
}
