"use client";

import { useState } from "react";
import { useRealtime } from "@/lib/queries/realtime-context";

/** Quiet while live; says so when updates are paused, so nobody trusts a stale screen. */
export function ConnectionStatus() {
  const { state } = useRealtime();
  const live = state === "connected";
  // Once live, any other state means updates are paused until the socket is back.
  const [wasLive, setWasLive] = useState(false);
  if (live && !wasLive) setWasLive(true);
  const label =
    !wasLive && (state === "config" || state === "initialized" || state === "connecting")
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
