// Labels without a server: the list filter in the URL, the cache's filter rule, counts, the
// realtime event, and the input rules of the labels API.
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { createLabelBodySchema, updateLabelBodySchema } from "../../lib/labels/schemas";
import { findConversationsQuerySchema } from "../../lib/inbox/schemas";
import { applyConversationChange, matchesFilters, upsertConversationRows } from "../../lib/queries/inbox-cache";
import { inboxKeys } from "../../lib/queries/inbox-keys";
import { contactKeys } from "../../lib/queries/use-contact";
import { emptyInboxChanges } from "../../lib/realtime/changes";
import { INBOX_CHANNEL } from "../../lib/realtime/channels";
import { realtimeEventsFor } from "../../lib/realtime/inbox-events";
import {
  type ConversationListItem,
  defaultConversationFilters,
  filtersFromSearch,
  filtersToSearch,
  labelCount,
} from "../../lib/views/inbox";
import type { ContactConversationView, ContactPanelView } from "../../lib/views/contacts";

const row = (labels: string[]): ConversationListItem => ({
  id: "c1",
  status: "open",
  contact: { id: "k1", name: "Ana", savedName: null, waId: "351910000001", userId: null, username: null },
  phoneNumber: { id: "p1", displayPhoneNumber: "+1 555 0100", name: null },
  assignee: null,
  lastMessageAt: "2026-12-02T10:00:00.000Z",
  lastInboundAt: null,
  windowClosesAt: null,
  lastMessage: null,
  unreadCount: 0,
  unreadMentions: 0,
  labels: labels.map((id) => ({ id, name: id.toUpperCase(), color: "blue" })),
  cursor: "x",
});

describe("the label filter in the inbox URL", () => {
  it("round-trips, in one order whatever the order chosen", () => {
    const filters = { ...defaultConversationFilters, labelIds: ["zeta", "alpha"] };
    expect(filtersToSearch(filters)).toBe("?labels=alpha%2Czeta");
    expect(filtersFromSearch(new URLSearchParams("labels=zeta,alpha")).labelIds).toEqual(["alpha", "zeta"]);
  });

  it("drops malformed ids and repeats instead of failing the page", () => {
    expect(filtersFromSearch(new URLSearchParams("labels=a,a,<b>,,c")).labelIds).toEqual(["a", "c"]);
    expect(filtersFromSearch(new URLSearchParams("")).labelIds).toEqual([]);
    expect(filtersToSearch(defaultConversationFilters)).toBe("");
  });
});

describe("the API's label filter", () => {
  it("reads comma-separated ids, each once, sorted", () => {
    expect(findConversationsQuerySchema.parse({ labels: "b, a,b" }).labels).toEqual(["a", "b"]);
    expect(findConversationsQuerySchema.parse({}).labels).toEqual([]);
  });

  it("refuses a malformed id or more labels than a conversation can hold", () => {
    expect(findConversationsQuerySchema.safeParse({ labels: "a b" }).success).toBe(false);
    const eleven = Array.from({ length: 11 }, (_, i) => `l${i}`).join(",");
    expect(findConversationsQuerySchema.safeParse({ labels: eleven }).error?.issues[0]?.message).toBe(
      "Filter by at most 10 labels",
    );
  });
});

describe("a live row in a label-filtered list", () => {
  it("belongs only while it carries every chosen label", () => {
    const filters = { ...defaultConversationFilters, labelIds: ["a", "b"] };
    expect(matchesFilters(row(["a", "b", "c"]), filters, "u1")).toBe(true);
    expect(matchesFilters(row(["a"]), filters, "u1")).toBe(false);
    expect(matchesFilters(row([]), defaultConversationFilters, "u1")).toBe(true);
  });
});

describe("counts per label", () => {
  const counts = {
    groups: [],
    labels: [
      { labelId: "a", status: "open" as const, count: 3 },
      { labelId: "a", status: "resolved" as const, count: 2 },
      { labelId: "b", status: "open" as const, count: 7 },
    ],
  };
  it("counts the state chosen, or every state", () => {
    expect(labelCount(counts, "a", "open")).toBe(3);
    expect(labelCount(counts, "a", "all")).toBe(5);
    expect(labelCount(counts, "a", "pending")).toBe(0);
    expect(labelCount(counts, "missing", "all")).toBe(0);
  });
});

describe("labels-changed", () => {
  it("is one event on the inbox channel naming each label once", () => {
    const events = realtimeEventsFor({ ...emptyInboxChanges(), labelsChanged: ["a", "b", "a"] });
    expect(events).toEqual([{ channel: INBOX_CHANNEL, name: "labels-changed", data: { labelIds: ["a", "b"] } }]);
    expect(realtimeEventsFor(emptyInboxChanges())).toEqual([]);
  });
});

describe("a label's fields", () => {
  it("trims and folds spaces in the name, and knows the palette", () => {
    expect(createLabelBodySchema.parse({ name: "  Late   delivery ", color: "amber" })).toEqual({
      name: "Late delivery",
      color: "amber",
    });
    expect(createLabelBodySchema.safeParse({ name: "Ok", color: "#ff0000" }).success).toBe(false);
    expect(createLabelBodySchema.safeParse({ name: "\u0000bad", color: "red" }).success).toBe(false);
    expect(createLabelBodySchema.safeParse({ name: "x".repeat(41), color: "red" }).success).toBe(false);
  });

  it("an edit names at least one field", () => {
    expect(updateLabelBodySchema.safeParse({}).success).toBe(false);
    expect(updateLabelBodySchema.parse({ color: "pink" })).toEqual({ color: "pink" });
  });
});

describe("an agent's own label change in the cache", () => {
  // The thread's conversation is being read again (a labels-changed event for a label just created
  // invalidated it) when the agent puts the label on: that answer was read before the change.
  it("is not undone by a refetch of the conversation read before it", async () => {
    const queryClient = new QueryClient();
    let answerStale: (value: ConversationListItem) => void = () => undefined;
    const answers: Promise<ConversationListItem>[] = [
      Promise.resolve(row([])),
      new Promise((resolve) => (answerStale = resolve)),
      Promise.resolve(row(["refund"])),
    ];
    let calls = 0;
    const observer = new QueryObserver(queryClient, {
      queryKey: inboxKeys.detail("c1"),
      queryFn: () => answers[calls++]!,
    });
    const seen: string[][] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data?.labels.map((label) => label.id) ?? []));
    await expect.poll(() => queryClient.getQueryData(inboxKeys.detail("c1"))).toBeDefined();

    void queryClient.invalidateQueries({ queryKey: inboxKeys.conversations });
    expect(calls).toBe(2);
    applyConversationChange(queryClient, row(["refund"]), "u1");
    answerStale(row([]));
    await new Promise((resolve) => setTimeout(resolve, 20));

    const labels = () => queryClient.getQueryData<ConversationListItem>(inboxKeys.detail("c1"))?.labels;
    expect(labels()?.map((label) => label.id)).toEqual(["refund"]);
    expect(calls).toBe(3);
    // Once painted, the chip never went away again.
    expect(seen.slice(seen.findIndex((ids) => ids.length > 0))).not.toContainEqual([]);
    unsubscribe();
  });

  // The same for a row a realtime event brings (a colleague's change, the assignment a reply made).
  it("as for a row an event brings: a read of the conversation already on its way is asked again", async () => {
    const queryClient = new QueryClient();
    let answerStale: (value: ConversationListItem) => void = () => undefined;
    const answers: Promise<ConversationListItem>[] = [
      new Promise((resolve) => (answerStale = resolve)),
      Promise.resolve(row(["refund"])),
    ];
    let calls = 0;
    // Not observed: a prefetch (a hovered row) is asked again too.
    void queryClient.prefetchQuery({ queryKey: inboxKeys.detail("c1"), queryFn: () => answers[calls++]! });
    upsertConversationRows(queryClient, [row(["refund"])], "u1");
    answerStale(row([]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(2);
    expect(queryClient.getQueryData<ConversationListItem>(inboxKeys.detail("c1"))?.labels).toHaveLength(1);
  });

  it("asks nothing more when no refetch is in flight", async () => {
    const queryClient = new QueryClient();
    let calls = 0;
    const observer = new QueryObserver(queryClient, {
      queryKey: inboxKeys.detail("c1"),
      queryFn: async () => (calls++, row([])),
      staleTime: 60_000,
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await expect.poll(() => queryClient.getQueryData(inboxKeys.detail("c1"))).toBeDefined();
    applyConversationChange(queryClient, row(["refund"]), "u1");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(1);
    expect(queryClient.getQueryData<ConversationListItem>(inboxKeys.detail("c1"))?.labels).toHaveLength(1);
    unsubscribe();
  });
});

describe("a contact panel in the cache follows the rows", () => {
  const panel = (conversations: ContactConversationView[]): ContactPanelView => ({
    id: "k1",
    savedName: null,
    profileName: "Ana",
    waId: "351910000001",
    userId: null,
    username: null,
    firstContactAt: "2026-12-01T09:00:00.000Z",
    notes: "",
    attributes: [],
    conversations,
  });
  const entry = (id: string, lastMessageAt: string): ContactConversationView => ({
    id,
    status: "open",
    phoneNumber: { id: `p-${id}`, displayPhoneNumber: "+1 555 0100", name: null },
    lastMessageAt,
    assignee: null,
    labels: [],
  });

  it("takes a conversation's state, assignee, labels and last message, newest first", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(
      contactKeys.detail("k1"),
      panel([entry("c2", "2026-12-02T11:00:00.000Z"), entry("c1", "2026-12-02T10:00:00.000Z")]),
    );
    const replied: ConversationListItem = {
      ...row(["vip"]),
      status: "pending",
      assignee: { id: "u1", name: "Ines", role: "admin", availability: "away" },
      lastMessageAt: "2026-12-02T12:00:00.000Z",
    };
    upsertConversationRows(queryClient, [replied], "u1");
    const conversations = queryClient.getQueryData<ContactPanelView>(contactKeys.detail("k1"))!.conversations;
    expect(conversations.map((conversation) => conversation.id)).toEqual(["c1", "c2"]);
    expect(conversations[0]).toEqual({
      id: "c1",
      status: "pending",
      phoneNumber: replied.phoneNumber,
      lastMessageAt: "2026-12-02T12:00:00.000Z",
      assignee: { id: "u1", name: "Ines" },
      labels: [{ id: "vip", name: "VIP", color: "blue" }],
    });
  });

  it("is read again when it does not list the conversation yet (one just started)", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(contactKeys.detail("k1"), panel([entry("c2", "2026-12-02T11:00:00.000Z")]));
    upsertConversationRows(queryClient, [row([])], "u1");
    expect(queryClient.getQueryState(contactKeys.detail("k1"))?.isInvalidated).toBe(true);
    // Another customer's panel is left alone.
    queryClient.setQueryData(contactKeys.detail("k9"), { ...panel([]), id: "k9" });
    upsertConversationRows(queryClient, [row([])], "u1");
    expect(queryClient.getQueryState(contactKeys.detail("k9"))?.isInvalidated).toBe(false);
  });

  // A read of the panel already on its way when the row arrives was read before it: its answer
  // must not put the old state back (nor, for a panel still loading, show it in the first place).
  const heldRead = () => {
    let answerStale: (value: ContactPanelView) => void = () => undefined;
    const stale = new Promise<ContactPanelView>((resolve) => (answerStale = resolve));
    let calls = 0;
    const fresh = panel([{ ...entry("c1", "2026-12-02T12:00:00.000Z"), status: "pending" }]);
    const queryFn = () => (++calls === 1 ? stale : Promise.resolve(fresh));
    return {
      queryFn,
      answerStale: () => answerStale(panel([entry("c1", "2026-12-02T10:00:00.000Z")])),
      calls: () => calls,
    };
  };
  const pendingRow: ConversationListItem = { ...row([]), status: "pending", lastMessageAt: "2026-12-02T12:00:00.000Z" };
  const statusShown = (queryClient: QueryClient) =>
    queryClient.getQueryData<ContactPanelView>(contactKeys.detail("k1"))?.conversations[0]?.status;

  it("a panel on screen whose first read is on its way reads again, and never shows the old state", async () => {
    const queryClient = new QueryClient();
    const read = heldRead();
    const observer = new QueryObserver(queryClient, { queryKey: contactKeys.detail("k1"), queryFn: read.queryFn });
    const seen: (string | undefined)[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data?.conversations[0]?.status));
    await expect.poll(() => read.calls()).toBe(1);
    upsertConversationRows(queryClient, [pendingRow], "u1");
    read.answerStale();
    await expect.poll(() => statusShown(queryClient)).toBe("pending");
    expect(read.calls()).toBe(2);
    expect(seen).not.toContain("open");
    unsubscribe();
  });

  it("a loaded panel being read again keeps the row's state over the older answer", async () => {
    const queryClient = new QueryClient();
    const read = heldRead();
    queryClient.setQueryData(contactKeys.detail("k1"), panel([entry("c1", "2026-12-02T10:00:00.000Z")]));
    const observer = new QueryObserver(queryClient, {
      queryKey: contactKeys.detail("k1"),
      queryFn: read.queryFn,
      staleTime: Infinity,
    });
    const seen: (string | undefined)[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data?.conversations[0]?.status));
    void queryClient.invalidateQueries({ queryKey: contactKeys.detail("k1") }); // contact-updated
    await expect.poll(() => read.calls()).toBe(1);
    upsertConversationRows(queryClient, [pendingRow], "u1");
    expect(statusShown(queryClient)).toBe("pending");
    read.answerStale();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(read.calls()).toBe(2);
    expect(statusShown(queryClient)).toBe("pending");
    expect(seen.slice(seen.indexOf("pending"))).not.toContain("open");
    unsubscribe();
  });

  it("a prefetched panel's first read, still on its way, is dropped: the panel reads afresh when it opens", async () => {
    const queryClient = new QueryClient();
    const read = heldRead();
    void queryClient.prefetchQuery({ queryKey: contactKeys.detail("k1"), queryFn: read.queryFn });
    upsertConversationRows(queryClient, [pendingRow], "u1");
    read.answerStale();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(statusShown(queryClient)).toBeUndefined();
    await queryClient.fetchQuery({ queryKey: contactKeys.detail("k1"), queryFn: read.queryFn });
    expect(statusShown(queryClient)).toBe("pending");
  });
});
