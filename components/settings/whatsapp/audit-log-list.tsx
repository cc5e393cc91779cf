import { EmptyState } from "@/components/ui/empty-state";
import type { AuditLogEntry } from "@/lib/settings/find-audit-log-entries";
import { formatWhen } from "./setting-status";

/** Who changed what and when, latest first; values are never recorded, so never shown. */
export function AuditLogList({ entries }: { entries: AuditLogEntry[] }) {
  if (entries.length === 0)
    return <EmptyState title="No changes yet">Every settings change is listed here.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-log">
        <caption className="sr-only">Settings changes, latest first</caption>
        <thead className="text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="py-2 pr-4">
              When
            </th>
            <th scope="col" className="py-2 pr-4">
              Who
            </th>
            <th scope="col" className="py-2">
              What
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="py-2 pr-4 whitespace-nowrap text-slate-600">
                <time dateTime={entry.at}>{formatWhen(entry.at)}</time>
              </td>
              <td className="py-2 pr-4">
                <span className="font-medium text-slate-900">{entry.actor.name}</span>{" "}
                <span className="text-slate-500">{entry.actor.email}</span>
              </td>
              <td className="py-2 text-slate-800">{entry.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
