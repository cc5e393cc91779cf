"use client";

import type { Channel } from "pusher-js";
import { useEffect, useRef } from "react";
import { useRealtime } from "@/lib/queries/realtime-context";
import type { RealtimeEventPayloads } from "@/lib/realtime/channels";

export type ChannelHandlers = {
  [N in keyof RealtimeEventPayloads]?: (data: RealtimeEventPayloads[N]) => void;
} & {
  /**
   * After every (re)subscription: events published before it may have been missed, so refetch
   * what this channel keeps fresh. Covers the first load racing the socket and every reconnect.
   */
  onSubscribed?: () => void;
};

/** Follows one private channel while mounted; handlers may change on every render. */
export function useChannel(channelName: string | null, handlers: ChannelHandlers): void {
  const { client } = useRealtime();
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!client || !channelName) return;
    const channel: Channel = client.subscribe(channelName);
    const onEvent = (eventName: string, data: unknown) => {
      if (eventName === "pusher:subscription_succeeded") {
        latest.current.onSubscribed?.();
        return;
      }
      const handler = latest.current[eventName as keyof RealtimeEventPayloads] as
        ((payload: unknown) => void) | undefined;
      handler?.(data);
    };
    channel.bind_global(onEvent);
    return () => {
      channel.unbind_global(onEvent);
      client.unsubscribe(channelName);
    };
  }, [client, channelName]);
}
