import "server-only";
import { findAuditActors } from "@/lib/db/audit-logs";
import { getDb } from "@/lib/db/client";

/** Everyone who appears in the audit log as the one who acted: the "who" filter's choices. */
export async function findAuditLogActors(): Promise<{ id: string; name: string; email: string }[]> {
  return findAuditActors({ db: getDb() });
}
