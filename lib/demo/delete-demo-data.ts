import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { deleteDemoData as deleteRows } from "@/lib/db/demo-data";
import { updateSetting } from "@/lib/db/settings";
import { AppError } from "@/lib/http/app-error";
import { callSandbox } from "@/lib/sandbox/call-sandbox";
import { DEMO_DELETED_KEY, DEMO_TEMPLATE_KEYS } from "@/lib/sandbox/demo";
import { getSandboxMode } from "@/lib/sandbox/sandbox-mode";
import { DEMO_AUDIT_TARGET } from "@/lib/views/audit";
import { type DemoDataCounts, describeDemoData, hasDemoData } from "@/lib/views/demo";

/**
 * Deletes the sandbox demo (admins): its numbers and everything on them, the contacts who talk to no
 * other number, its templates — nothing else — audited with what went. The demo never comes back:
 * a setting remembers it, and Meta's side (the running stand-in) forgets its customers and templates.
 * Open inboxes hear of it (conversations-deleted).
 */
export async function deleteDemoData({ user }: { user: CurrentUser }): Promise<DemoDataCounts> {
  const { counts: deleted, conversationIds } = await getDb().$transaction(
    async (db) => {
      const { counts, conversationIds } = await deleteRows({ db, templates: DEMO_TEMPLATE_KEYS });
      if (!hasDemoData(counts)) {
        throw new AppError("not_found", { message: "There is no demo data to delete." });
      }
      await updateSetting({ db, key: DEMO_DELETED_KEY, value: new Date().toISOString() });
      await recordAuditEvent({
        db,
        actor: user,
        action: "demo.deleted",
        target: DEMO_AUDIT_TARGET,
        targetLabel: counts.numbers.join(", "),
        detail: describeDemoData(counts),
      });
      return { counts, conversationIds };
    },
    { timeout: 60_000 },
  );
  // Open inboxes drop the rows, and a thread showing one of them closes.
  await publishInboxChanges({ ...emptyInboxChanges(), conversationsDeleted: conversationIds });
  if ((await getSandboxMode()).available) {
    await callSandbox({ method: "POST", path: "/demo/forget" }).catch((error: unknown) =>
      console.warn("[demo] the sandbox could not forget the demo; it will not install it at the next start", error),
    );
  }
  return deleted;
}
