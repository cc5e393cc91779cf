"use client";

import type { PresenceChannel } from "pusher-js";
import { useEffect, useState } from "react";
import { useRealtime } from "@/components/providers/realtime-provider";
import { conversationPresenceChannel, type PresenceUserInfo } from "@/lib/realtime/channels";

export type PresenceMember = { id: string } & PresenceUserInfo;

/** Who else is viewing this conversation right now (the presence channel's members, minus me). */
export function usePresence(conversationId: string): PresenceMember[] {
  const { client } = useRealtime();
  const [others, setOthers] = useState<PresenceMember[]>([]);

  useEffect(() => {
    if (!client) return;
    const name = conversationPresenceChannel(conversationId);
    const channel = client.subscribe(name) as PresenceChannel;
    const refresh = () => {
      const list: PresenceMember[] = [];
      channel.members.each((member: { id: string; info: PresenceUserInfo }) => {
        if (member.id !== channel.members.myID) list.push({ id: member.id, ...member.info });
      });
      list.sort((a, b) => a.name.localeCompare(b.name));
      setOthers(list);
    };
    channel.bind("pusher:subscription_succeeded", refresh);
    channel.bind("pusher:member_added", refresh);
    channel.bind("pusher:member_removed", refresh);
    return () => {
      channel.unbind("pusher:subscription_succeeded", refresh);
      channel.unbind("pusher:member_added", refresh);
      channel.unbind("pusher:member_removed", refresh);
      client.unsubscribe(name);
      setOthers([]);
    };
  }, [client, conversationId]);

  return others;
}
