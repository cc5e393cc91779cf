import { formatFullTime } from "./format";

/**
 * Free text is not allowed: the window closed, or the customer never wrote. Says why and offers
 * what WhatsApp does allow — an approved template; the draft stays stored.
 */
export function LockedComposer({
  state,
  closesAt,
  onOpenTemplates,
  sendingProblem,
}: {
  state: "closed" | "never";
  closesAt: string | null;
  onOpenTemplates: () => void;
  sendingProblem: string | null;
}) {
  return (
    <footer
      data-testid="composer"
      data-locked="true"
      className="flex flex-col gap-2 border-t border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700 sm:flex-row sm:items-center"
    >
      <p role="status" className="flex flex-1 items-start gap-2">
        <svg
          viewBox="0 0 16 16"
          className="mt-0.5 size-4 shrink-0 text-slate-500"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
        >
          <rect x="3" y="7" width="10" height="7" rx="1.5" />
          <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
        </svg>
        <span>
          {state === "closed" && closesAt ? (
            <>
              <strong className="font-semibold">The 24-hour reply window closed {formatFullTime(closesAt)}.</strong>{" "}
              WhatsApp only allows template messages until the customer writes again, so free text and reactions are
              off.
            </>
          ) : (
            <>
              <strong className="font-semibold">The customer has not written on this number yet.</strong> Only a
              template message can start a WhatsApp conversation.
            </>
          )}
          {sendingProblem ? <span className="block text-red-700">{sendingProblem}</span> : null}
        </span>
      </p>
      <button
        type="button"
        onClick={onOpenTemplates}
        data-testid="open-templates"
        className="shrink-0 rounded-md bg-emerald-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
      >
        Send a template
      </button>
    </footer>
  );
}
