"use client";

import { useEffect, useRef, useState } from "react";
import { isLocalMessage } from "@/lib/queries/inbox-cache";
import { isNote, type ThreadMessage } from "@/lib/views/inbox";
import { messagePreview } from "@/lib/views/message-preview";
import { useThreadActions } from "./thread-actions";

const KEEP = 5;

/**
 * The thread's polite live region: one line per message that arrives while the thread is open
 * ("Ana Ferreira: Size M, please"), never the history it opened with nor older pages loaded above,
 * and not what this agent just sent (they know). Screen readers read it when they are idle; it is
 * invisible on screen, where the bubble itself shows up.
 */
export function ThreadAnnouncer({ messages, contactName }: { messages: ThreadMessage[]; contactName: string }) {
  const userId = useThreadActions()?.userId ?? null;
  const [lines, setLines] = useState<{ id: string; text: string }[]>([]);
  const newestId = messages.at(-1)?.id;
  const seenNewestId = useRef(newestId);
  useEffect(() => {
    const previous = seenNewestId.current;
    if (newestId === previous) return;
    seenNewestId.current = newestId;
    const from = previous === undefined ? -1 : messages.findIndex((message) => message.id === previous);
    // The first page arriving, or a page replaced wholesale (a refetch): nothing is "new" to say.
    if (previous === undefined || from === -1) return;
    const arrived = messages.slice(from + 1).filter((message) => !isLocalMessage(message) && !byAgent(message, userId));
    const said = arrived.map((message) => ({ id: message.id, text: announcement(message, contactName) }));
    if (said.length > 0) setLines((current) => [...current, ...said].slice(-KEEP));
  }, [newestId, messages, contactName, userId]);
  return (
    <div role="log" aria-live="polite" aria-label="New messages" data-testid="thread-announcer" className="sr-only">
      {lines.map((line) => (
        <p key={line.id}>{line.text}</p>
      ))}
    </div>
  );
}

function announcement(message: ThreadMessage, contactName: string): string {
  const text = messagePreview({ type: message.type, text: message.text });
  const author = message.author;
  if (isNote(message)) return `Note from ${author?.kind === "agent" ? author.name : "a colleague"}: ${text}`;
  if (message.direction === "inbound") return `${contactName}: ${text}`;
  const who =
    author?.kind === "agent"
      ? author.name
      : author?.kind === "business_app"
        ? "WhatsApp Business app"
        : author?.kind === "system"
          ? "Sent automatically"
          : "Sent";
  return `${who}: ${text}`;
}

const byAgent = (message: ThreadMessage, userId: string | null) =>
  message.author?.kind === "agent" && message.author.id === userId;
