import "server-only";
import type { TemplateRow } from "@/lib/db/templates";
import { type TemplateView, templateUnavailableReason } from "@/lib/views/template";
import { readTemplateDefinition } from "@/lib/whatsapp/template-schema";

export function toTemplateView(row: TemplateRow): TemplateView {
  const definition = readTemplateDefinition({ parameterFormat: row.parameterFormat, components: row.components });
  const changedAt = [row.statusAt, row.categoryAt, row.qualityAt, row.syncedAt ?? new Date(0)].reduce((a, b) =>
    a > b ? a : b,
  );
  return {
    id: row.id,
    wabaId: row.wabaId,
    name: row.name,
    language: row.language,
    category: row.category,
    status: row.status,
    reason: row.reason,
    quality: row.quality,
    agentUsable: row.agentUsable,
    updatedAt: (changedAt.getTime() > 0 ? changedAt : row.updatedAt).toISOString(),
    definition,
    unavailableReason: templateUnavailableReason({ ...row, definition }),
  };
}
