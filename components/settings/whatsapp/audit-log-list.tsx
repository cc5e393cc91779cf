import { EmptyState } from "@/components/ui/empty-state";
import type { AuditLogEntry } from "@/lib/views/audit";
import { Time } from "@/components/ui/time";

/** Who did what and when, latest first; values are never recorded, so never shown. */
export function AuditLogList({ entries }: { entries: AuditLogEntry[] }) {
  if (entries.length === 0)
    return <EmptyState title="Nothing recorded yet">Administrative acts are listed here as they happen.</EmptyState>;
  // On a phone one column: when, then who and what under it (the wide columns are hidden there); a
  // long email breaks anywhere rather than widening the table past the screen.
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-log">
        <caption className="sr-only">Audit log, latest first</caption>
        <thead className="text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="py-2 pr-4">
              When
            </th>
            <th scope="col" className="hidden py-2 pr-4 sm:table-cell">
              Who
            </th>
            <th scope="col" className="hidden py-2 sm:table-cell">
              What
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="py-2 pr-4 align-top text-slate-600 sm:whitespace-nowrap">
                <Time iso={entry.at} />
                <div className="mt-1 wrap-anywhere text-slate-800 sm:hidden">
                  <span className="font-medium text-slate-900">{entry.actor.name}</span> {entry.summary}
                </div>
              </td>
              <td className="hidden py-2 pr-4 align-top sm:table-cell">
                <span className="font-medium text-slate-900">{entry.actor.name}</span>{" "}
                <span className="text-slate-500">{entry.actor.email}</span>
              </td>
              <td className="hidden py-2 align-top text-slate-800 sm:table-cell">{entry.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
