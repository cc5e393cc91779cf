"use client";

import { useEffect, useRef } from "react";

const shortcuts: [string, string][] = [
  ["j", "Next conversation"],
  ["k", "Previous conversation"],
  ["/", "Search"],
  ["e", "Resolve the open conversation"],
  ["?", "Show these shortcuts"],
  ["Esc", "Close this dialog / leave the search box"],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        className="w-full max-w-sm rounded-lg bg-white p-5 shadow-xl"
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.stopPropagation();
            onClose();
          }
          // A one-button dialog keeps focus on its button.
          if (event.key === "Tab") {
            event.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <h2 className="text-base font-semibold text-slate-900">Keyboard shortcuts</h2>
        <dl className="mt-4 space-y-2 text-sm">
          {shortcuts.map(([key, label]) => (
            <div key={key} className="flex items-center justify-between gap-4">
              <dt className="text-slate-700">{label}</dt>
              <dd>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-2 py-0.5 font-mono text-xs">{key}</kbd>
              </dd>
            </div>
          ))}
        </dl>
        <button
          ref={closeRef}
          type="button"
          onClick={onClose}
          className="mt-5 w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-emerald-700"
        >
          Close
        </button>
      </div>
    </div>
  );
}
