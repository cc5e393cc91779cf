import { AUDIT_ACTIONS, auditActions } from "@/lib/views/audit";

const selectClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/70 focus:outline-none";

/** A plain GET form: the filters live in the address, so a filtered view can be shared or bookmarked. */
export function AuditLogFilters({
  actors,
  actor,
  kind,
}: {
  actors: { id: string; name: string; email: string }[];
  actor: string;
  kind: string;
}) {
  return (
    <form method="get" aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3">
      <div className="min-w-48 flex-1">
        <label htmlFor="audit-actor" className="block text-sm font-medium text-slate-800">
          Who
        </label>
        <select id="audit-actor" name="actor" defaultValue={actor} className={selectClass}>
          <option value="">Anyone</option>
          {actors.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name} ({option.email})
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-48 flex-1">
        <label htmlFor="audit-kind" className="block text-sm font-medium text-slate-800">
          What
        </label>
        <select id="audit-kind" name="kind" defaultValue={kind} className={selectClass}>
          <option value="">Everything</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {auditActions[action]}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md bg-emerald-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
      >
        Filter
      </button>
    </form>
  );
}
