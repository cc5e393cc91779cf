"use client";

import { startTransition, useEffect, useState } from "react";

/**
 * For a view that opens with more than a screen holds (a thread's newest page, the contact panel's
 * conversations): false for its first frame, true from the next task on, in a transition so input
 * stays first. The view draws what is on screen in the frame that opens it and the rest right after,
 * out of sight. `ready`: its data is there (the first frame is the one that shows it). Remount the
 * view (a key) to start again.
 */
export function useDrawAllAfterFirstFrame(ready: boolean): boolean {
  const [drawAll, setDrawAll] = useState(false);
  useEffect(() => {
    if (!ready || drawAll) return;
    const timer = setTimeout(() => startTransition(() => setDrawAll(true)), 0);
    return () => clearTimeout(timer);
  }, [ready, drawAll]);
  return drawAll;
}
