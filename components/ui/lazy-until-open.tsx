"use client";

import { type ReactNode, Suspense, useState } from "react";

/**
 * Renders `children` (a React.lazy dialog) only once `open` has been true: its code loads when it
 * is first wanted, not before the page's first paint. It then stays mounted, so a dialog closes
 * and returns focus exactly as one that was always there.
 */
export function LazyUntilOpen({ open, children }: { open: boolean; children: ReactNode }) {
  const [wanted, setWanted] = useState(open);
  if (open && !wanted) setWanted(true);
  return wanted ? <Suspense fallback={null}>{children}</Suspense> : null;
}
