"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";

// Realtime events keep the cache fresh, so data does not go stale by age; a reconnect refetches
// what may have been missed (see RealtimeProvider).
export function QueryProvider({
  children,
  seed,
}: {
  children: ReactNode;
  /** Puts data the server rendered with the page into the cache before the first render. */
  seed?: (queryClient: QueryClient) => void;
}) {
  const [queryClient] = useState(() => {
    const client = new QueryClient({
      defaultOptions: {
        queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 },
      },
    });
    seed?.(client);
    return client;
  });
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
