"use client";

import type PusherClient from "pusher-js";
import { createContext, useContext } from "react";

/** pusher-js connection states plus "config" while the settings are being fetched. */
export type RealtimeState =
  "config" | "initialized" | "connecting" | "connected" | "unavailable" | "failed" | "disconnected";

export type RealtimeContextValue = { client: PusherClient | null; state: RealtimeState };

/** The tab's one pusher-js connection (components/providers/realtime-provider.tsx provides it). */
export const RealtimeContext = createContext<RealtimeContextValue>({ client: null, state: "config" });

export function useRealtime(): RealtimeContextValue {
  return useContext(RealtimeContext);
}
