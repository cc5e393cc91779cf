import "server-only";
import type { MessageStatusChange } from "@/lib/db/messages";

/**
 * What one processed event changed, known only after its transaction commits. This is the single
 * place realtime delivery hooks in (see publishInboxChanges).
 */
export type InboxChanges = {
  conversationsCreated: string[];
  conversationsUpdated: string[];
  messagesCreated: { id: string; conversationId: string; direction: "inbound" | "outbound" }[];
  statusesChanged: MessageStatusChange[];
  reactionsChanged: { targetWamid: string; conversationId: string }[];
  accountEvents: { field: string }[];
};

export function emptyInboxChanges(): InboxChanges {
  return {
    conversationsCreated: [],
    conversationsUpdated: [],
    messagesCreated: [],
    statusesChanged: [],
    reactionsChanged: [],
    accountEvents: [],
  };
}

export function isEmptyInboxChanges(changes: InboxChanges): boolean {
  return Object.values(changes).every((list) => list.length === 0);
}

type Listener = (changes: InboxChanges) => void | Promise<void>;
// One set per process, not per module instance: Next bundles instrumentation.ts (where listeners
// register) apart from the route handlers (where after-ack processing publishes), each with its
// own copy of this module.
const globalForListeners = globalThis as unknown as { __inboxChangeListeners?: Set<Listener> };
const listeners = (globalForListeners.__inboxChangeListeners ??= new Set<Listener>());

/** Subscribes to committed changes (realtime delivery; tests). Returns the unsubscribe function. */
export function onInboxChanges(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called after commit only; a failing listener never undoes or blocks stored work. */
export async function publishInboxChanges(changes: InboxChanges): Promise<void> {
  if (isEmptyInboxChanges(changes)) return;
  await Promise.all(
    [...listeners].map(async (listener) => {
      try {
        await listener(changes);
      } catch (error) {
        console.error("[inbox] change listener failed", error);
      }
    }),
  );
}
