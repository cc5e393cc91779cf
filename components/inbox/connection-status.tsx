"use client";

import { useRealtime } from "@/components/providers/realtime-provider";

/** Quiet while live; says so when updates are paused, so nobody trusts a stale screen. */
export function ConnectionStatus() {
  const { state } = useRealtime();
  const live = state === "connected";
  const label =
    state === "config" || state === "initialized" || state === "connecting"
      ? "Connecting…"
      : state === "failed"
        ? "Live updates unavailable in this browser"
        : state === "connected"
          ? "Live"
          : "Reconnecting…";
  return (
    <p
      data-testid="connection-status"
      data-state={state}
      role="status"
      className={`flex items-center gap-1.5 text-xs ${live ? "text-slate-500" : "font-medium text-amber-700"}`}
    >
      <span
        aria-hidden="true"
        className={`size-2 rounded-full ${live ? "bg-emerald-500" : "animate-pulse bg-amber-500"}`}
      />
      {label}
    </p>
  );
}
