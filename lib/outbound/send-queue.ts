// The send worker's picture of the queue, and the pacing decisions, kept in memory by the one worker
// that holds the send lock (lib/outbound/send-worker.ts). Pure: no I/O, so the rules are testable.

/** At most `limit` events in any `windowMs`: exact, unlike a token bucket that allows 2× at a boundary. */
export class SlidingWindow {
  private readonly times: { at: number }[] = [];

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    earlier: SlidingWindow | null = null,
  ) {
    if (earlier) this.times.push(...earlier.times);
  }

  /** When the next event may happen (≤ now: at once). */
  nextAt(now: number): number {
    this.prune(now);
    return this.times.length < this.limit ? now : this.times[0]!.at + this.windowMs;
  }

  /** Charges an event at `now`; its time can be moved later (to when the request really left). */
  take(now: number): { at: number } {
    const entry = { at: now };
    this.times.push(entry);
    return entry;
  }

  get empty(): boolean {
    return this.times.length === 0;
  }

  prune(now: number): void {
    while (this.times.length > 0 && this.times[0]!.at <= now - this.windowMs) this.times.shift();
  }
}

export type Pacing = {
  /** Meta's pair rate: about one message every 6 s to one customer, short bursts allowed. */
  pairBurst: number;
  pairIntervalMs: number;
  /**
   * Kept off every window so that requests that leave exactly on a limit do not arrive inside it
   * (network jitter): the limits are never exceeded as Meta counts them.
   */
  marginRatio: number;
};

export const DEFAULT_PACING: Pacing = { pairBurst: 5, pairIntervalMs: 6_000, marginRatio: 0.1 };

/**
 * A number's sends are also spread within the second (a tenth of its rate per tenth of a second),
 * so a batch that reaches Meta late cannot pile onto the next one inside Meta's second.
 */
const SPREAD_SLICES = 10;

export type QueuedSend = {
  id: bigint;
  kind: "message" | "reaction" | "read";
  recipientKey: string;
  phoneNumberId: string;
  throughputPerSecond: number;
  notBefore: number;
};

/**
 * Sends grouped per customer in the order they were recorded. A customer's next send leaves only
 * when the previous one has an answer (so they arrive in the order the agents sent them), when its
 * retry time has come, and when both the number's and the pair's windows allow it.
 */
export class SendQueue<T extends QueuedSend> {
  private readonly byRecipient = new Map<string, T[]>();
  private readonly inFlight = new Set<string>();
  private readonly numberWindows = new Map<string, { second: SlidingWindow; slice: SlidingWindow }>();
  private readonly pairWindows = new Map<string, SlidingWindow>();
  private readonly known = new Set<bigint>();
  /** The window slots each send in flight holds, moved to when its request really leaves. */
  private readonly slots = new Map<bigint, { at: number }[]>();

  constructor(private readonly pacing: Pacing = DEFAULT_PACING) {}

  get size(): number {
    return this.known.size;
  }

  has(id: bigint): boolean {
    return this.known.has(id);
  }

  add(send: T): void {
    if (this.known.has(send.id)) return;
    this.known.add(send.id);
    const list = this.byRecipient.get(send.recipientKey) ?? [];
    list.push(send);
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.byRecipient.set(send.recipientKey, list);
  }

  /** A send already in flight (left by a worker that is gone): its customer waits for its outcome. */
  holdRecipient(recipientKey: string): void {
    this.inFlight.add(recipientKey);
  }

  releaseRecipient(recipientKey: string): void {
    this.inFlight.delete(recipientKey);
  }

  /** Past sends (from the database, at start-up) count against the windows. */
  recordPast({ phoneNumberId, recipientKey, throughputPerSecond, kind, at }: PastSend): void {
    const window = this.numberWindow(phoneNumberId, throughputPerSecond);
    window.second.take(at);
    window.slice.take(at);
    if (kind !== "read") this.pairWindow(phoneNumberId, recipientKey).take(at);
  }

  /**
   * The sends that may leave now (their customers are marked in flight and the windows charged),
   * and when to look again for the others (null: nothing is waiting on time).
   */
  takeReady(now: number): { ready: T[]; wakeAt: number | null } {
    const ready: T[] = [];
    let wakeAt: number | null = null;
    const later = (at: number) => (wakeAt = wakeAt === null ? at : Math.min(wakeAt, at));
    const heads = [...this.byRecipient.values()]
      .map((list) => list[0]!)
      .filter((head) => !this.inFlight.has(head.recipientKey))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const head of heads) {
      if (head.notBefore > now) {
        later(head.notBefore);
        continue;
      }
      const numberWindow = this.numberWindow(head.phoneNumberId, head.throughputPerSecond);
      const pairWindow = head.kind === "read" ? null : this.pairWindow(head.phoneNumberId, head.recipientKey);
      const at = Math.max(
        numberWindow.second.nextAt(now),
        numberWindow.slice.nextAt(now),
        pairWindow?.nextAt(now) ?? now,
      );
      if (at > now) {
        later(at);
        continue;
      }
      const slots = [numberWindow.second.take(now), numberWindow.slice.take(now)];
      if (pairWindow) slots.push(pairWindow.take(now));
      this.slots.set(head.id, slots);
      this.inFlight.add(head.recipientKey);
      ready.push(head);
    }
    return { ready, wakeAt };
  }

  /**
   * The requests really left at `at` (after their claim was committed): the windows count them
   * from then, so a slow commit can never let two batches arrive at Meta closer than the limit.
   */
  departed(ids: bigint[], at: number): void {
    for (const id of ids) for (const slot of this.slots.get(id) ?? []) slot.at = Math.max(slot.at, at);
  }

  /** The send is over (sent, failed, unknown, or given back by a lost claim): its customer's next may go. */
  complete(send: T): void {
    this.inFlight.delete(send.recipientKey);
    this.known.delete(send.id);
    this.slots.delete(send.id);
    const list = this.byRecipient.get(send.recipientKey);
    if (!list) return;
    const rest = list.filter((item) => item.id !== send.id);
    if (rest.length === 0) this.byRecipient.delete(send.recipientKey);
    else this.byRecipient.set(send.recipientKey, rest);
  }

  /** Meta refused for pace: the same send stays first in its customer's line until notBefore. */
  retryLater(send: T, notBefore: number): void {
    this.inFlight.delete(send.recipientKey);
    this.slots.delete(send.id);
    send.notBefore = notBefore;
  }

  /** Forgets the pair windows of customers who had nothing sent for a while (memory stays flat). */
  prune(now: number): void {
    for (const [key, window] of this.pairWindows) {
      window.prune(now);
      if (window.empty) this.pairWindows.delete(key);
    }
  }

  private numberWindow(phoneNumberId: string, perSecond: number) {
    let window = this.numberWindows.get(phoneNumberId);
    if (!window || window.second.limit !== perSecond) {
      // A new pace keeps what was already sent in the window.
      const stretch = 1 + this.pacing.marginRatio;
      window = {
        second: new SlidingWindow(perSecond, 1_000 * stretch, window?.second ?? null),
        slice: new SlidingWindow(
          Math.max(1, Math.floor(perSecond / SPREAD_SLICES)),
          (1_000 / SPREAD_SLICES) * stretch,
          window?.slice ?? null,
        ),
      };
      this.numberWindows.set(phoneNumberId, window);
    }
    return window;
  }

  private pairWindow(phoneNumberId: string, recipientKey: string): SlidingWindow {
    const key = `${phoneNumberId}\n${recipientKey}`;
    let window = this.pairWindows.get(key);
    if (!window) {
      const { pairBurst, pairIntervalMs, marginRatio } = this.pacing;
      window = new SlidingWindow(pairBurst, pairBurst * pairIntervalMs * (1 + marginRatio));
      this.pairWindows.set(key, window);
    }
    return window;
  }
}

export type PastSend = {
  phoneNumberId: string;
  recipientKey: string;
  throughputPerSecond: number;
  kind: QueuedSend["kind"];
  at: number;
};
