"use client";

import type { ReactNode } from "react";
import { Thread } from "./thread";
import { registerThread } from "./thread-registry";

registerThread(Thread);

/**
 * Wraps the inbox on the deep-link page: its module brings the thread's code with the page's own
 * scripts and registers it when evaluated — necessarily before the inbox inside it renders, on the
 * server and at hydration — so the thread is in the first HTML and hydrates without waiting for a
 * chunk.
 */
export function ThreadInPage({ children }: { children: ReactNode }) {
  return children;
}
