"use client";

import { Thread } from "./thread";
import { registerThread } from "./thread-registry";

registerThread(Thread);

/**
 * Rendered by the deep-link page before the inbox: its module brings the thread's code with the
 * page's own scripts and registers it when evaluated (on the server and before hydration), so the
 * thread is in the first HTML in document order and hydrates without waiting for a chunk.
 */
export function ThreadInPage() {
  return null;
}
