"use client";

import { useSyncExternalStore } from "react";

// One timer for every countdown on screen (the thread's window, each list row's flag), on the minute.
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | null = null;

const untilNextMinute = () => 60_000 - (Date.now() % 60_000) + 20;

function tick() {
  for (const listener of listeners) listener();
  timer = setTimeout(tick, untilNextMinute());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setTimeout(tick, untilNextMinute());
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearTimeout(timer);
      timer = null;
    }
  };
}

/** The current minute: the same value for every render within it, so React sees it change once a minute. */
const currentMinute = () => Math.floor(Date.now() / 60_000) * 60_000;

/**
 * The time, to the minute, updated every minute. Null while hydrating: the server's clock is not
 * the browser's, so countdowns render in the browser only.
 */
export function useMinuteClock(): number | null {
  return useSyncExternalStore(subscribe, currentMinute, () => null);
}
