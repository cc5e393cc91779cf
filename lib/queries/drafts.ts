// Composer drafts, per agent and conversation, in localStorage: switching conversations or
// reloading the page loses nothing typed. Cleared when the message is sent.
import type { ThreadMessage } from "@/lib/views/inbox";

/** The quoted message as the draft keeps it (enough to show the quote and send the reply). */
export type DraftQuote = Pick<ThreadMessage, "id" | "wamid" | "type" | "text" | "direction">;
export type Draft = { text: string; replyTo: DraftQuote | null };

type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const draftKey = (userId: string, conversationId: string) => `inbox:draft:${userId}:${conversationId}`;

function browserStorage(): DraftStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage blocked (privacy settings): drafts live only while the page is open
  }
}

export function loadDraft({
  userId,
  conversationId,
  storage = browserStorage(),
}: {
  userId: string;
  conversationId: string;
  storage?: DraftStorage | null;
}): Draft | null {
  try {
    const raw = storage?.getItem(draftKey(userId, conversationId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    if (typeof parsed.text !== "string") return null;
    const replyTo = parsed.replyTo && typeof parsed.replyTo.id === "string" ? parsed.replyTo : null;
    return { text: parsed.text, replyTo };
  } catch {
    return null;
  }
}

/** Saves the draft; an empty one (no text, no quote) is removed. */
export function saveDraft({
  userId,
  conversationId,
  draft,
  storage = browserStorage(),
}: {
  userId: string;
  conversationId: string;
  draft: Draft;
  storage?: DraftStorage | null;
}): void {
  try {
    if (draft.text === "" && draft.replyTo === null) storage?.removeItem(draftKey(userId, conversationId));
    else storage?.setItem(draftKey(userId, conversationId), JSON.stringify(draft));
  } catch {
    // Quota exceeded or storage blocked: the text is still in the composer.
  }
}

export function clearDraft({
  userId,
  conversationId,
  storage = browserStorage(),
}: {
  userId: string;
  conversationId: string;
  storage?: DraftStorage | null;
}): void {
  saveDraft({ userId, conversationId, draft: { text: "", replyTo: null }, storage });
}

export function draftQuoteOf(message: ThreadMessage): DraftQuote {
  return { id: message.id, wamid: message.wamid, type: message.type, text: message.text, direction: message.direction };
}
