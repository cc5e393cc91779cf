import type { Metadata } from "next";
import Link from "next/link";
import { AuditLogFilters } from "@/components/settings/audit-log-filters";
import { AuditLogList } from "@/components/settings/whatsapp/audit-log-list";
import { Card } from "@/components/ui/card";
import { findAuditLogActors } from "@/lib/settings/find-audit-log-actors";
import { findAuditLogEntries } from "@/lib/settings/find-audit-log-entries";
import { auditLogQuerySchema } from "@/lib/settings/schemas";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log · WhatsApp Inbox" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const raw = await searchParams;
  // A hand-edited address with an unknown kind shows everything rather than an error page.
  const parsed = auditLogQuerySchema.safeParse({ actor: first(raw.actor), kind: first(raw.kind) });
  const query = parsed.success ? parsed.data : { actor: undefined, kind: undefined };
  const [entries, actors] = await Promise.all([
    findAuditLogEntries({ limit: 200, actorId: query.actor, action: query.kind }),
    findAuditLogActors(),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/settings" className="text-sm text-emerald-800 underline-offset-2 hover:underline">
          ← Settings
        </Link>
        <h1 className="mt-2 text-xl font-semibold">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every administrative act, latest first: users created, edited, deactivated and reactivated, roles changed (and
          refused), passwords reset or changed, settings changed. Secrets and passwords are never recorded.
        </p>
      </div>
      <Card>
        <AuditLogFilters actors={actors} actor={query.actor ?? ""} kind={query.kind ?? ""} />
        <div className="mt-4">
          <AuditLogList entries={entries} />
        </div>
      </Card>
    </div>
  );
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
