"use client";

import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import type { ConversationListItem } from "@/lib/views/inbox";
import { messagePreview } from "@/lib/views/message-preview";
import { type ActivityReason, shouldNotify } from "@/lib/queries/notification-rules";
import { contactLabel } from "./format";

const CHANGED = "inbox-notifications-changed";

const subscribe = (onChange: () => void) => {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
};

export type DesktopNotifications = {
  /** The browser can show notifications at all. */
  supported: boolean;
  enabled: boolean;
  /** The agent (or a policy) blocked them in the browser: only the site settings can undo that. */
  blocked: boolean;
  toggle: () => Promise<void>;
  onActivity: (rows: ConversationListItem[], reason: ActivityReason) => void;
};

/**
 * Desktop notifications with a short sound, per agent and per browser, off until the agent turns
 * them on (which asks the browser's permission). `open` is called when one is clicked.
 */
export function useDesktopNotifications({
  userId,
  watchingId,
  open,
}: {
  userId: string;
  watchingId: string | null;
  open: (conversationId: string) => void;
}): DesktopNotifications {
  const key = `inbox.notifications.${userId}`;
  const state = useSyncExternalStore(
    subscribe,
    () => {
      if (typeof Notification === "undefined") return "unsupported";
      if (Notification.permission === "denied") return "blocked";
      return localStorage.getItem(key) === "on" && Notification.permission === "granted" ? "on" : "off";
    },
    () => "off",
  );
  const enabled = state === "on";

  const live = useRef({ enabled, watchingId, open });
  useEffect(() => {
    live.current = { enabled, watchingId, open };
  }, [enabled, watchingId, open]);

  const onActivity = useCallback(
    (rows: ConversationListItem[], reason: ActivityReason) => {
      const { enabled: on, watchingId: watching } = live.current;
      if (!on) return;
      const context = { userId, watchingId: document.visibilityState === "visible" ? watching : null };
      const due = rows.filter((row) => shouldNotify(row, reason, context));
      for (const row of due) {
        const name = contactLabel(row.contact);
        const title =
          reason === "created"
            ? `New conversation: ${name}`
            : reason === "mention"
              ? `You were mentioned: ${name}`
              : name;
        const notification = new Notification(title, {
          body:
            reason === "mention"
              ? "A colleague mentioned you in a private note."
              : row.lastMessage
                ? messagePreview(row.lastMessage)
                : undefined,
          // One per conversation: a newer message replaces the older notification.
          tag: `conversation-${row.id}`,
        });
        notification.onclick = () => {
          window.focus();
          live.current.open(row.id);
          notification.close();
        };
      }
      if (due.length > 0) chime();
    },
    [userId],
  );

  const toggle = useCallback(async () => {
    if (typeof Notification === "undefined") return;
    if (enabled) localStorage.setItem(key, "off");
    else if ((await Notification.requestPermission()) === "granted") localStorage.setItem(key, "on");
    window.dispatchEvent(new Event(CHANGED));
  }, [enabled, key]);

  return { supported: state !== "unsupported", enabled, blocked: state === "blocked", toggle, onActivity };
}

/** Two short soft tones (Web Audio: no sound file to load). */
function chime(): void {
  try {
    const context = new AudioContext();
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.12, 1320],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.26);
    }
    setTimeout(() => void context.close(), 600);
  } catch {
    // No audio (autoplay policy, no device): the notification alone still says it.
  }
}
