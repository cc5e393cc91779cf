// Who is subscribed to what, and who is present where. Pure in-memory state with no I/O of its own:
// it only calls `send` on subscribers, so the WebSocket and HTTP sides share one source of truth.
import { encodeMessage, MAX_CHANNELS, MAX_PRESENCE_MEMBERS, type PresenceMember } from "./protocol";

export type Subscriber = { socketId: string; send(raw: string): void };

type Member = { info: unknown; socketIds: Set<string> };

type ChannelState = {
  subscribers: Map<string, Subscriber>;
  /** Presence only: one entry per user, however many sockets (tabs) that user has open. */
  members: Map<string, Member>;
  userIdBySocket: Map<string, string>;
};

export type PresenceSnapshot = { presence: { ids: string[]; hash: Record<string, unknown>; count: number } };

export type JoinResult = { ok: true; presence?: PresenceSnapshot } | { ok: false; reason: string };

export type ChannelInfo = { subscriptionCount: number; userCount: number };

export class ChannelRegistry {
  private readonly channels = new Map<string, ChannelState>();

  join(options: { channel: string; subscriber: Subscriber; member?: PresenceMember }): JoinResult {
    const { channel, subscriber, member } = options;
    const existingUserId = this.channels.get(channel)?.userIdBySocket.get(subscriber.socketId);
    // Re-subscribing as someone else must look like that user left and the new one arrived.
    if (existingUserId !== undefined && existingUserId !== member?.userId) {
      this.leave({ channel, socketId: subscriber.socketId });
    }

    if (!this.channels.has(channel) && this.channels.size >= MAX_CHANNELS) {
      return { ok: false, reason: `The server holds at most ${MAX_CHANNELS} channels` };
    }
    const state = this.channels.get(channel) ?? this.createChannel(channel);
    if (member === undefined) {
      state.subscribers.set(subscriber.socketId, subscriber);
      return { ok: true };
    }

    const known = state.members.get(member.userId);
    if (known === undefined && state.members.size >= MAX_PRESENCE_MEMBERS) {
      if (state.subscribers.size === 0) this.channels.delete(channel);
      return { ok: false, reason: `Presence channel is limited to ${MAX_PRESENCE_MEMBERS} members` };
    }

    state.subscribers.set(subscriber.socketId, subscriber);
    state.userIdBySocket.set(subscriber.socketId, member.userId);
    if (known !== undefined) {
      known.socketIds.add(subscriber.socketId);
    } else {
      state.members.set(member.userId, { info: member.userInfo, socketIds: new Set([subscriber.socketId]) });
      const added = encodeMessage({
        event: "pusher_internal:member_added",
        channel,
        data: { user_id: member.userId, user_info: member.userInfo },
      });
      this.broadcast({ channel, raw: added, exceptSocketId: subscriber.socketId });
    }
    return { ok: true, presence: this.presenceSnapshot(state) };
  }

  leave(options: { channel: string; socketId: string }): void {
    const { channel, socketId } = options;
    const state = this.channels.get(channel);
    if (state === undefined || !state.subscribers.delete(socketId)) return;

    const userId = state.userIdBySocket.get(socketId);
    if (userId !== undefined) {
      state.userIdBySocket.delete(socketId);
      const member = state.members.get(userId);
      member?.socketIds.delete(socketId);
      // A user with another tab still open has not left.
      if (member !== undefined && member.socketIds.size === 0) {
        state.members.delete(userId);
        const removed = encodeMessage({ event: "pusher_internal:member_removed", channel, data: { user_id: userId } });
        this.broadcast({ channel, raw: removed });
      }
    }
    if (state.subscribers.size === 0) this.channels.delete(channel);
  }

  isSubscribed(options: { channel: string; socketId: string }): boolean {
    return this.channels.get(options.channel)?.subscribers.has(options.socketId) ?? false;
  }

  userIdOf(options: { channel: string; socketId: string }): string | undefined {
    return this.channels.get(options.channel)?.userIdBySocket.get(options.socketId);
  }

  /** Serialised once by the caller so a fan-out to many sockets does not re-encode per socket. */
  broadcast(options: { channel: string; raw: string; exceptSocketId?: string }): number {
    const state = this.channels.get(options.channel);
    if (state === undefined) return 0;
    let delivered = 0;
    for (const subscriber of state.subscribers.values()) {
      if (subscriber.socketId === options.exceptSocketId) continue;
      subscriber.send(options.raw);
      delivered += 1;
    }
    return delivered;
  }

  info(channel: string): ChannelInfo | undefined {
    const state = this.channels.get(channel);
    if (state === undefined) return undefined;
    return { subscriptionCount: state.subscribers.size, userCount: state.members.size };
  }

  userIds(channel: string): string[] {
    return [...(this.channels.get(channel)?.members.keys() ?? [])];
  }

  channelCount(): number {
    return this.channels.size;
  }

  channelNames(): string[] {
    return [...this.channels.keys()];
  }

  private createChannel(channel: string): ChannelState {
    const state: ChannelState = { subscribers: new Map(), members: new Map(), userIdBySocket: new Map() };
    this.channels.set(channel, state);
    return state;
  }

  private presenceSnapshot(state: ChannelState): PresenceSnapshot {
    // Null prototype: a user_id of "__proto__" must become a key, not replace the prototype.
    const hash: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    // pusher-js looks members up with hasOwnProperty, so a member without user_info still needs a key.
    for (const [userId, member] of state.members) hash[userId] = member.info ?? null;
    const ids = Object.keys(hash);
    return { presence: { ids, hash, count: ids.length } };
  }
}
