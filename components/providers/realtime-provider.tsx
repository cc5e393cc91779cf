"use client";

import { useQuery } from "@tanstack/react-query";
import type PusherClient from "pusher-js";
import { type ReactNode, useEffect, useState } from "react";
import type { RealtimeClientConfig } from "@/lib/realtime/channels";
import { createRealtimeClient } from "@/lib/realtime/client";
import { fetchJson } from "@/lib/queries/request-json";
import { inboxKeys } from "@/lib/queries/inbox-keys";
import { RealtimeContext, type RealtimeContextValue, type RealtimeState } from "@/lib/queries/realtime-context";

const RECONNECT_AFTER_REFUSAL_MS = 3_000;

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

  // pusher-js is not part of the page (lib/realtime/client.ts): its download starts once the page
  // has painted, alongside the config request, so the socket is not later for it.
  useEffect(() => void import("pusher-js"), []);
  const settings = config.data?.realtime;
  useEffect(() => {
    if (!settings) return;
    let cleanup: (() => void) | undefined;
    let cancelled = false;
    void createRealtimeClient(settings).then((client) => {
      if (cancelled) return client.disconnect();
      cleanup = connect(client, setValue);
    });
    return () => {
      cancelled = true;
      cleanup?.();
    };
  }, [settings]);

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

/** Signs the socket in, reports its state, and reconnects after a refusal; returns the cleanup. */
function connect(client: PusherClient, setValue: (value: RealtimeContextValue) => void): () => void {
  // Names the socket's user to the Pusher server, so signing out or deactivation can end it.
  client.signin();
  setValue({ client, state: client.connection.state as RealtimeState });
  let reconnect: ReturnType<typeof setTimeout> | undefined;
  const onStateChange = ({ current }: { current: RealtimeState }) => {
    setValue({ client, state: current });
    // The server ended the socket (4009: this user signed out or was deactivated). With a session
    // gone, fetchJson takes the browser to sign-in; with one left (signed out on another
    // device), connect again — after a pause, so a server that keeps refusing is not hammered.
    if (current === "disconnected") {
      fetchJson("/api/users/me").then(
        () => (reconnect = setTimeout(() => client.connect(), RECONNECT_AFTER_REFUSAL_MS)),
        () => undefined,
      );
    }
  };
  client.connection.bind("state_change", onStateChange);
  return () => {
    clearTimeout(reconnect);
    client.connection.unbind("state_change", onStateChange);
    client.disconnect();
  };
}
