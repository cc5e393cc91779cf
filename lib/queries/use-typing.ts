"use client";

import { useCallback, useRef } from "react";
import type { TypingResponse } from "@/lib/views/inbox";
import { requestJson } from "./request-json";

/** How often, at most, the server hears that this agent is still writing (it throttles Meta's side too). */
export const TYPING_REPORT_MS = 20_000;

/**
 * The composer's keystrokes, told to who needs them: the server (on the first keystroke, then at
 * most every 20 s — it sends the customer's blue ticks and typing indicator, per the read-receipt
 * setting) and the other agents on this conversation (`announce`, a throttled Pusher client event).
 */
export function useTypingSignals({
  conversationId,
  announce,
}: {
  conversationId: string;
  announce: (typing: boolean) => void;
}): { onInput: (text: string) => void; onSent: () => void } {
  const lastReported = useRef(0);
  const onInput = useCallback(
    (text: string) => {
      const typing = text.trim() !== "";
      announce(typing);
      if (!typing) return;
      const now = Date.now();
      if (now - lastReported.current < TYPING_REPORT_MS) return;
      lastReported.current = now;
      // Best effort: a lost typing report costs a read receipt a little later, nothing more.
      void requestJson<TypingResponse>(`/api/conversations/${conversationId}/typing`).catch(() => undefined);
    },
    [conversationId, announce],
  );
  const onSent = useCallback(() => announce(false), [announce]);
  return { onInput, onSent };
}
