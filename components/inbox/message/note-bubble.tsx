"use client";

import { memo, use } from "react";
import { Time } from "@/components/ui/time";
import { useAgents } from "@/lib/queries/use-conversations";
import type { AgentView, ThreadMessage } from "@/lib/views/inbox";
import { ThreadActionsContext } from "../thread-actions";
import { LockIcon } from "./icons";

/**
 * A private note of the team: full width, amber, with a lock and the words "only your team sees
 * this", so it is never mistaken for something the customer received. No ticks, no actions: it was
 * never sent. Text is React text (escaped); @Name of a colleague is highlighted, the signed-in
 * agent's own name more strongly.
 */
export const NoteBubble = memo(function NoteBubble({ message }: { message: ThreadMessage }) {
  const agents = useAgents().data ?? [];
  const userId = use(ThreadActionsContext)?.userId ?? null;
  const author = message.author?.kind === "agent" ? message.author.name : "A former agent";
  return (
    <div
      data-testid="note"
      data-message-id={message.id}
      data-type="note"
      className="flex w-full justify-center px-2 py-0.5"
    >
      <article
        aria-label={`Private note by ${author}`}
        className="w-full max-w-[min(92%,40rem)] rounded-lg border border-dashed border-amber-400 bg-amber-50 px-3 py-2 text-sm text-slate-900"
      >
        <p className="mb-1 flex flex-wrap items-center gap-x-2 text-xs font-medium text-amber-900">
          <LockIcon className="size-3.5 shrink-0" />
          <span>Note — only your team sees this</span>
          <span className="font-normal text-amber-800">· {author}</span>
        </p>
        <p dir="auto" className="whitespace-pre-wrap break-words">
          {highlightMentions(message.text ?? "", agents, userId)}
        </p>
        <p className="mt-0.5 text-right text-[11px] leading-4 text-amber-800">
          <Time iso={message.timestamp} style="clock" />
        </p>
      </article>
    </div>
  );
});

/** Splits the text at @Name of known colleagues (longest names first, so "Ann Lee" wins over "Ann"). */
function highlightMentions(text: string, agents: AgentView[], userId: string | null) {
  const names = agents.filter((agent) => agent.name !== "").sort((a, b) => b.name.length - a.name.length);
  const parts: React.ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest.length > 0) {
    let best: { index: number; agent: AgentView } | null = null;
    for (const agent of names) {
      const index = rest.indexOf(`@${agent.name}`);
      if (index >= 0 && (best === null || index < best.index)) best = { index, agent };
    }
    if (!best) {
      parts.push(rest);
      break;
    }
    if (best.index > 0) parts.push(rest.slice(0, best.index));
    const mention = `@${best.agent.name}`;
    parts.push(
      <mark
        key={key++}
        data-testid="mention"
        className={`rounded px-0.5 font-medium ${best.agent.id === userId ? "bg-amber-300 text-amber-950" : "bg-amber-200/70 text-amber-900"}`}
      >
        {mention}
      </mark>,
    );
    rest = rest.slice(best.index + mention.length);
  }
  return parts;
}
