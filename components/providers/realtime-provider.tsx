"use client";

import { useQuery } from "@tanstack/react-query";
import type PusherClient from "pusher-js";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import type { RealtimeClientConfig } from "@/lib/realtime/channels";
import { createRealtimeClient } from "@/lib/realtime/client";
import { fetchJson } from "@/lib/queries/fetch-json";
import { inboxKeys } from "@/lib/queries/inbox-keys";

/** pusher-js connection states plus "config" while the settings are being fetched. */
export type RealtimeState =
  "config" | "initialized" | "connecting" | "connected" | "unavailable" | "failed" | "disconnected";

type RealtimeContextValue = { client: PusherClient | null; state: RealtimeState };

const RealtimeContext = createContext<RealtimeContextValue>({ client: null, state: "config" });

export function useRealtime(): RealtimeContextValue {
  return useContext(RealtimeContext);
}

/**
 * One pusher-js connection per tab. pusher-js reconnects by itself and resubscribes every channel;
 * each channel's subscription_succeeded then refetches what that channel covers (useChannel), so
 * events sent while the socket was down are caught up from the database.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const config = useQuery({
    queryKey: inboxKeys.realtimeConfig,
    queryFn: ({ signal }) => fetchJson<{ realtime: RealtimeClientConfig }>("/api/realtime/config", { signal }),
    retry: 3,
  });
  const [value, setValue] = useState<RealtimeContextValue>({ client: null, state: "config" });

  const settings = config.data?.realtime;
  useEffect(() => {
    if (!settings) return;
    const client = createRealtimeClient(settings);
    setValue({ client, state: client.connection.state as RealtimeState });
    const onStateChange = ({ current }: { current: RealtimeState }) => setValue({ client, state: current });
    client.connection.bind("state_change", onStateChange);
    return () => {
      client.connection.unbind("state_change", onStateChange);
      client.disconnect();
    };
  }, [settings]);

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
