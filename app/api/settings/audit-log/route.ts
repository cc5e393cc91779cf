// GET /api/settings/audit-log — every administrative act, latest first (admin; never values);
// ?actor=<userId> and/or ?kind=<action> narrow it
import { withRoute } from "@/lib/http/with-route";
import { findAuditLogEntries } from "@/lib/settings/find-audit-log-entries";
import { auditLogQuerySchema } from "@/lib/settings/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "admin" }, async ({ request }) => {
  const query = auditLogQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { entries: await findAuditLogEntries({ limit: 100, actorId: query.actor, action: query.kind }) };
});
