import "server-only";
import { getDb } from "@/lib/db/client";
import { findBusinessAccountIds, markUnlistedTemplatesDeleted, upsertSyncedTemplate } from "@/lib/db/templates";
import { AppError } from "@/lib/http/app-error";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishRealtime } from "@/lib/realtime/server";
import { getGraphApiConfig } from "@/lib/settings/get-graph-api-config";
import type { TemplateChange, TemplateSyncResult } from "@/lib/views/template";
import { createGraphClient, describeGraphFailure, type GraphClient } from "@/lib/whatsapp/graph-client";
import { type GraphTemplate, graphTemplateSchema } from "@/lib/whatsapp/template-schema";
import { applyTemplateEvents, stateChanged } from "./apply-template-events";

/** A WABA with more pages than this is cut off (and reported): 100 per page. */
const MAX_PAGES = 200;

/**
 * Reads every template of every WABA a configured number belongs to from Meta (all pages,
 * following `paging.next`), stores them, then applies the stored template webhooks (those that
 * arrived before, or during, the sync; older ones change nothing). One WABA failing does not stop
 * the others: its error is in the result.
 */
export async function syncTemplates(): Promise<TemplateSyncResult> {
  const config = await getGraphApiConfig();
  if (!config.accessToken) {
    throw new AppError("conflict", {
      message: "no WhatsApp access token configured",
      userMessage:
        "No WhatsApp access token is configured, so templates cannot be read from Meta. Save one on Settings → WhatsApp connection.",
    });
  }
  const graph = createGraphClient({
    baseUrl: config.baseUrl,
    version: config.version,
    accessToken: config.accessToken,
  });
  const db = getDb();
  const changes = emptyInboxChanges();
  const accounts: TemplateSyncResult["accounts"] = [];
  for (const wabaId of await findBusinessAccountIds({ db })) {
    const startedAt = new Date();
    const listed = await listTemplates(graph, wabaId);
    if (!listed.ok) {
      accounts.push({ wabaId, templates: 0, error: listed.error });
      continue;
    }
    await db.$transaction(
      async (tx) => {
        for (const template of listed.templates) {
          const { before, after } = await upsertSyncedTemplate({
            db: tx,
            wabaId,
            at: startedAt,
            template: {
              metaId: template.id,
              name: template.name,
              language: template.language,
              category: template.category ?? null,
              status: template.status,
              reason: template.rejected_reason && template.rejected_reason !== "NONE" ? template.rejected_reason : null,
              quality: template.quality_score?.score ?? null,
              parameterFormat: template.parameter_format ?? "POSITIONAL",
              components: template.components ?? [],
            },
          });
          if (stateChanged(before, after)) changes.templatesChanged.push(after);
        }
        changes.templatesChanged.push(
          ...(await markUnlistedTemplatesDeleted({ db: tx, wabaId, syncedBefore: startedAt })),
        );
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    accounts.push({ wabaId, templates: listed.templates.length, error: null });
  }
  const events = await db.$transaction((tx) => applyTemplateEvents({ db: tx }), { timeout: 60_000, maxWait: 10_000 });
  changes.templatesChanged.push(...events.changed);
  changes.templatesChanged = dedupe(changes.templatesChanged);
  await publishRealtime(changes);
  return { accounts, appliedEvents: events.applied };
}

async function listTemplates(
  graph: GraphClient,
  wabaId: string,
): Promise<{ ok: true; templates: GraphTemplate[] } | { ok: false; error: string }> {
  const templates: GraphTemplate[] = [];
  let next: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await graph.getTemplatePage(wabaId, next);
    if (!result.ok) return { ok: false, error: describeFailure(result.failure) };
    for (const item of result.data.data) {
      const template = graphTemplateSchema.safeParse(item);
      if (template.success) templates.push(template.data);
    }
    next = result.data.paging?.next;
    if (!next || result.data.data.length === 0) return { ok: true, templates };
  }
  return { ok: false, error: `more than ${MAX_PAGES} pages of templates: stopped reading` };
}

function describeFailure(failure: Parameters<typeof describeGraphFailure>[0]): string {
  const detail = failure.kind === "meta" ? ` (${failure.code}: ${failure.message})` : "";
  return `${describeGraphFailure(failure)}${detail}`;
}

function dedupe(list: TemplateChange[]): TemplateChange[] {
  return [...new Map(list.map((change) => [change.id, change])).values()];
}
