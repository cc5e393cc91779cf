// GET /api/settings/audit-log — who changed which setting and when, latest first (admin; never values)
import { withRoute } from "@/lib/http/with-route";
import { findAuditLogEntries } from "@/lib/settings/find-audit-log-entries";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "admin" }, async () => ({ entries: await findAuditLogEntries({ limit: 100 }) }));
