import "server-only";
import { getDb } from "@/lib/db/client";
import { applyTemplateEvents } from "./apply-template-events";
import { syncTemplates } from "./sync-templates";

/**
 * At start-up: the stored template webhooks are applied (those kept before templates were built
 * too), then the templates are read from Meta when a token is configured. Failures are logged and
 * never stop the process; the admin's "Sync with Meta" button does the same on demand.
 */
export async function startTemplateSync({ log = console.log }: { log?: (line: string) => void } = {}): Promise<void> {
  try {
    const { applied } = await getDb().$transaction((tx) => applyTemplateEvents({ db: tx }), {
      timeout: 60_000,
      maxWait: 15_000,
    });
    if (applied > 0) log(`[templates] applied ${applied} stored template events`);
  } catch (error) {
    log(`[templates] could not apply stored template events: ${(error as Error).message}`);
  }
  try {
    const result = await syncTemplates();
    for (const account of result.accounts) {
      log(
        account.error
          ? `[templates] WABA ${account.wabaId}: not synced: ${account.error}`
          : `[templates] WABA ${account.wabaId}: ${account.templates} templates synced`,
      );
    }
  } catch (error) {
    log(`[templates] not synced at start-up: ${(error as Error).message}`);
  }
}
