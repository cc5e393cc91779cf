"use client";

import { useId } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";

const shortcuts: [string, string][] = [
  ["j", "Next conversation"],
  ["k", "Previous conversation"],
  ["/", "Search"],
  ["e", "Resolve the open conversation and open the next"],
  ["z", "Undo the resolve (while its notice shows)"],
  ["r", "Write a reply"],
  ["n", "Write a private note (only your team sees it)"],
  ["Alt+N", "Switch between reply and note (in the text box)"],
  ["@", "Mention a colleague (in a note)"],
  ["/", "Canned replies (at the start of the text box)"],
  ["l", "Labels of the open conversation (search, Enter to put on or take off)"],
  ["q", "Quote the focused message, else the customer's latest"],
  ["Enter", "Send the reply"],
  ["Shift+Enter", "New line in the reply"],
  ["?", "Show these shortcuts"],
  ["Esc", "Close this dialog / drop the quote / leave a text box"],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  return (
    <ModalDialog open onClose={onClose} labelledBy={titleId} closeOnBackdrop className="m-auto w-full max-w-sm p-5">
      <h2 id={titleId} className="text-base font-semibold text-slate-900">
        Keyboard shortcuts
      </h2>
      <dl className="mt-4 space-y-2 text-sm">
        {shortcuts.map(([key, label]) => (
          <div key={label} className="flex items-center justify-between gap-4">
            <dt className="text-slate-700">{label}</dt>
            <dd>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-2 py-0.5 font-mono text-xs">{key}</kbd>
            </dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        autoFocus
        onClick={onClose}
        className="mt-5 w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-emerald-700"
      >
        Close
      </button>
    </ModalDialog>
  );
}
