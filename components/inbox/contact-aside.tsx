"use client";

import { useCallback, useEffect, useId, useState, useSyncExternalStore } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { ContactPanel } from "./contact-panel";

const STORAGE_KEY = "inbox.contactPanel";
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const readOpen = () => window.localStorage.getItem(STORAGE_KEY) !== "closed";

/** Whether the panel beside the thread is open on wide screens (remembered in this browser; open by default). */
export function useContactPanelOpen(): { open: boolean; toggle: () => void } {
  const open = useSyncExternalStore(subscribe, readOpen, () => true);
  const toggle = useCallback(() => {
    window.localStorage.setItem(STORAGE_KEY, readOpen() ? "closed" : "open");
    for (const listener of listeners) listener();
  }, []);
  return { open, toggle };
}

type Props = {
  /** Open beside the thread (wide screens; the header's Contact button). */
  open: boolean;
  contactId: string;
  conversationId: string;
  onOpenConversation: (conversationId: string) => void;
};

/**
 * The contact panel: a column right of the thread from 1280 px (collapsible from the header); below
 * that, where a column would squeeze the thread, a "Contact details" button opening it full screen
 * (a modal dialog: focus inside, Escape or Close returns to the button), as a phone app shows a
 * contact — a disclosure under the composer left the messages a few dozen pixels at 390 × 844.
 */
export function ContactAside({ open, contactId, conversationId, onOpenConversation }: Props) {
  const [phoneOpen, setPhoneOpen] = useState(false);
  const titleId = useId();
  // Widened past 1280 px while open: the column shows the same panel, the dialog goes.
  useEffect(() => {
    if (!phoneOpen) return;
    const wide = window.matchMedia("(min-width: 80rem)");
    const closeIfWide = () => {
      if (wide.matches) setPhoneOpen(false);
    };
    closeIfWide();
    wide.addEventListener("change", closeIfWide);
    return () => wide.removeEventListener("change", closeIfWide);
  }, [phoneOpen]);
  const panel = (
    <ContactPanel contactId={contactId} conversationId={conversationId} onOpenConversation={onOpenConversation} />
  );
  return (
    <aside
      id="contact-panel"
      aria-label="Contact"
      className={`shrink-0 border-t border-slate-200 bg-white xl:w-80 xl:overflow-y-auto xl:border-t-0 xl:border-l ${
        open ? "xl:block" : "xl:hidden"
      }`}
    >
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setPhoneOpen(true)}
        className="flex w-full items-center justify-between px-4 py-2 text-sm font-medium text-slate-700 focus-visible:outline-2 focus-visible:outline-emerald-700 xl:hidden"
      >
        Contact details
        <span aria-hidden="true">›</span>
      </button>
      <div className="hidden xl:block">
        <h2 className="px-4 pt-4 text-base font-semibold">Contact</h2>
        {/* One panel at a time: its fields have ids, and the dialog's must be the ones labelled. */}
        {phoneOpen ? null : panel}
      </div>
      {phoneOpen ? (
        <ModalDialog
          open
          onClose={() => setPhoneOpen(false)}
          labelledBy={titleId}
          testId="contact-details"
          className="m-0 h-dvh max-h-none w-full max-w-none !rounded-none !border-0 bg-white p-0 !shadow-none"
        >
          <div className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-3">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">
              Contact details
            </h2>
            <button
              type="button"
              onClick={() => setPhoneOpen(false)}
              className="rounded-md px-2 py-1 text-sm font-medium text-emerald-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-700"
            >
              Close
            </button>
          </div>
          {panel}
        </ModalDialog>
      ) : null}
    </aside>
  );
}
