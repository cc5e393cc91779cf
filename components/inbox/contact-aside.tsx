"use client";

import { useCallback, useState, useSyncExternalStore } from "react";
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
 * that, where a column would squeeze the thread, a disclosure below the composer.
 */
export function ContactAside({ open, contactId, conversationId, onOpenConversation }: Props) {
  const [phoneOpen, setPhoneOpen] = useState(false);
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
        aria-expanded={phoneOpen}
        onClick={() => setPhoneOpen(!phoneOpen)}
        className="flex w-full items-center justify-between px-4 py-2 text-sm font-medium text-slate-700 focus-visible:outline-2 focus-visible:outline-emerald-700 xl:hidden"
      >
        Contact details
        <span aria-hidden="true">{phoneOpen ? "▴" : "▾"}</span>
      </button>
      <div className={`${phoneOpen ? "block" : "hidden"} max-h-[45dvh] overflow-y-auto xl:block xl:max-h-none`}>
        <h2 className="hidden px-4 pt-4 text-base font-semibold xl:block">Contact</h2>
        <ContactPanel contactId={contactId} conversationId={conversationId} onOpenConversation={onOpenConversation} />
      </div>
    </aside>
  );
}
