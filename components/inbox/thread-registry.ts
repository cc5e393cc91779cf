import type { Thread } from "./thread";

// The thread's component once its module has been evaluated in this JavaScript realm: by the idle
// preload on /inbox, or with the page on a deep link (thread-in-page.tsx). The inbox renders it
// directly then, instead of through next/dynamic's lazy wrapper, which suspends the first time it
// renders: on a click React then holds the thread back for its 300 ms fallback throttle, and in a
// server render the thread streams as a Suspense boundary that React reveals no sooner than 300 ms
// after the page's first frame.
type ThreadComponent = typeof Thread;
let registered: ThreadComponent | null = null;

export function registerThread(thread: ThreadComponent): void {
  registered = thread;
}

export function registeredThread(): ThreadComponent | null {
  return registered;
}
