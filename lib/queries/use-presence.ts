"use client";

import type { PresenceChannel } from "pusher-js";
import { useCallback, useEffect, useRef, useState } from "react";
import { useRealtime } from "@/lib/queries/realtime-context";
import {
  CLIENT_TYPING_EVENT,
  type ClientTypingEvent,
  conversationPresenceChannel,
  type PresenceUserInfo,
  TYPING_EXPIRES_MS,
} from "@/lib/realtime/channels";

export type PresenceMember = { id: string } & PresenceUserInfo;

/** How often a typing agent tells the others (well inside TYPING_EXPIRES_MS, far under Pusher's 10/s). */
const TYPING_ANNOUNCE_MS = 2_500;

export type Presence = {
  /** Who else is viewing this conversation right now (the presence channel's members, minus me). */
  viewers: PresenceMember[];
  /** Who else is writing a reply here right now (never me, not even from my other tabs). */
  typists: PresenceMember[];
  /** Call on every keystroke in the composer: throttled to one client event per few seconds. */
  announceTyping: (typing: boolean) => void;
};

export function usePresence(conversationId: string): Presence {
  const { client } = useRealtime();
  const [viewers, setViewers] = useState<PresenceMember[]>([]);
  const [typists, setTypists] = useState<PresenceMember[]>([]);
  const channelRef = useRef<PresenceChannel | null>(null);
  const lastAnnounced = useRef<{ at: number; typing: boolean }>({ at: 0, typing: false });

  useEffect(() => {
    if (!client) return;
    const name = conversationPresenceChannel(conversationId);
    const channel = client.subscribe(name) as PresenceChannel;
    channelRef.current = channel;
    const expiries = new Map<string, ReturnType<typeof setTimeout>>();
    const typing = new Map<string, PresenceMember>();
    const showTyping = () => setTypists([...typing.values()].sort((a, b) => a.name.localeCompare(b.name)));
    const stopTyping = (userId: string) => {
      clearTimeout(expiries.get(userId));
      expiries.delete(userId);
      if (typing.delete(userId)) showTyping();
    };

    const refresh = () => {
      const list: PresenceMember[] = [];
      channel.members.each((member: { id: string; info: PresenceUserInfo }) => {
        if (member.id !== channel.members.myID) list.push({ id: member.id, ...member.info });
      });
      list.sort((a, b) => a.name.localeCompare(b.name));
      setViewers(list);
      for (const userId of typing.keys()) if (!list.some((member) => member.id === userId)) stopTyping(userId);
    };
    const onTyping = (data: ClientTypingEvent, metadata?: { user_id?: string }) => {
      const userId = metadata?.user_id;
      if (!userId || userId === channel.members.myID) return;
      if (!data?.typing) return stopTyping(userId);
      const member = channel.members.get(userId) as { info: PresenceUserInfo } | null;
      const info = member?.info ?? { name: String(data.name ?? "An agent"), role: "agent" as const };
      typing.set(userId, { id: userId, ...info });
      clearTimeout(expiries.get(userId));
      expiries.set(
        userId,
        setTimeout(() => stopTyping(userId), TYPING_EXPIRES_MS),
      );
      showTyping();
    };
    channel.bind("pusher:subscription_succeeded", refresh);
    channel.bind("pusher:member_added", refresh);
    channel.bind("pusher:member_removed", refresh);
    channel.bind(CLIENT_TYPING_EVENT, onTyping);
    return () => {
      channel.unbind("pusher:subscription_succeeded", refresh);
      channel.unbind("pusher:member_added", refresh);
      channel.unbind("pusher:member_removed", refresh);
      channel.unbind(CLIENT_TYPING_EVENT, onTyping);
      for (const timer of expiries.values()) clearTimeout(timer);
      client.unsubscribe(name);
      channelRef.current = null;
      setViewers([]);
      setTypists([]);
    };
  }, [client, conversationId]);

  const announceTyping = useCallback((typing: boolean) => {
    const channel = channelRef.current;
    if (!channel?.subscribed) return;
    const now = Date.now();
    const last = lastAnnounced.current;
    if (typing && last.typing && now - last.at < TYPING_ANNOUNCE_MS) return;
    if (!typing && !last.typing) return;
    lastAnnounced.current = { at: now, typing };
    const me = channel.members.me as { info?: PresenceUserInfo } | null;
    const event: ClientTypingEvent = { name: me?.info?.name ?? "", typing };
    channel.trigger(CLIENT_TYPING_EVENT, event);
  }, []);

  return { viewers, typists, announceTyping };
}
