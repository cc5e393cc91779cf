// The assignee picker's availability follows availability-changed events, even when the event
// arrives while the agents' list is still being loaded with an answer read before the change.
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyAvailabilityChange, refetchDroppingInFlight } from "@/lib/queries/inbox-cache";
import { inboxKeys } from "@/lib/queries/inbox-keys";
import type { AgentView } from "@/lib/views/inbox";

const ana = (availability: "online" | "away"): AgentView => ({ id: "u-ana", name: "Ana", role: "agent", availability });
const bruno: AgentView = { id: "u-bruno", name: "Bruno", role: "agent", availability: "away" };

describe("applyAvailabilityChange", () => {
  it("patches the loaded list", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<AgentView[]>(inboxKeys.agents, [ana("away"), bruno]);
    applyAvailabilityChange(queryClient, { userId: "u-ana", availability: "online" });
    expect(queryClient.getQueryData<AgentView[]>(inboxKeys.agents)).toEqual([ana("online"), bruno]);
  });

  it("does not let a list read before the change put the old availability back", async () => {
    const queryClient = new QueryClient();
    // The page's first request for the agents: read while Ana was still away, answered late.
    let answerStale: (agents: AgentView[]) => void = () => undefined;
    const answers: Promise<AgentView[]>[] = [
      new Promise((resolve) => (answerStale = resolve)),
      Promise.resolve([ana("online"), bruno]),
    ];
    let calls = 0;
    const observer = new QueryObserver(queryClient, {
      queryKey: inboxKeys.agents,
      queryFn: () => answers[calls++]!,
    });
    const seen: (AgentView[] | undefined)[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));

    applyAvailabilityChange(queryClient, { userId: "u-ana", availability: "online" });
    answerStale([ana("away"), bruno]);
    await expect.poll(() => queryClient.getQueryData<AgentView[]>(inboxKeys.agents)).toEqual([ana("online"), bruno]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(queryClient.getQueryData<AgentView[]>(inboxKeys.agents)).toEqual([ana("online"), bruno]);
    expect(calls).toBe(2);
    expect(seen.some((data) => data?.[0]?.availability === "away")).toBe(false);
    unsubscribe();
  });
});

describe("refetchDroppingInFlight", () => {
  // The inbox keeps the team's list ready while no thread shows it (prefetched when idle): on
  // (re)subscribing it is read again at once, so the next thread opened neither waits for it nor
  // draws its header twice. "active" leaves an unshown list to be read on its next use.
  for (const [refetchType, expectedCalls] of [
    ["all", 2],
    ["active", 1],
  ] as const) {
    it(`${refetchType}: a cached list no component shows is read again ${expectedCalls === 2 ? "at once" : "later"}`, async () => {
      const queryClient = new QueryClient();
      let calls = 0;
      const queryFn = async () => (++calls === 1 ? [ana("away"), bruno] : [ana("online"), bruno]);
      await queryClient.prefetchQuery({ queryKey: inboxKeys.agents, queryFn, staleTime: 60_000 });
      refetchDroppingInFlight(queryClient, inboxKeys.agents, refetchType);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(calls).toBe(expectedCalls);
      const expected = expectedCalls === 2 ? ana("online") : ana("away");
      expect(queryClient.getQueryData<AgentView[]>(inboxKeys.agents)?.[0]).toEqual(expected);
    });
  }
});
