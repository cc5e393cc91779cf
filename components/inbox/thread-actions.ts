"use client";

import { createContext, useContext } from "react";
import type { ThreadMessage } from "@/lib/views/inbox";

/**
 * What a bubble can do in the open thread (reply, react, retry), provided by the Thread. Absent
 * (null) where a bubble is only shown — it then renders no actions. Keep the value stable: every
 * bubble reads it.
 */
export type ThreadActions = {
  userId: string;
  /** Free text and reactions are allowed (the 24-hour window is open). */
  canSend: boolean;
  reply: (message: ThreadMessage) => void;
  react: (message: ThreadMessage, emoji: string) => void;
  /** Failed or unconfirmed: sends it again as a new message (an unconfirmed one asks first). */
  retry: (message: ThreadMessage) => void;
  /** A bubble whose request failed: send it again, or drop it. */
  resendLocal: (message: ThreadMessage) => void;
  discardLocal: (message: ThreadMessage) => void;
};

export const ThreadActionsContext = createContext<ThreadActions | null>(null);

export function useThreadActions(): ThreadActions | null {
  return useContext(ThreadActionsContext);
}
