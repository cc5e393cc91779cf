import "server-only";
import { getDb } from "@/lib/db/client";
import {
  findOpenOutboundSendIds,
  findOpenOutboundSends,
  findOpenOutboundSendsById,
  markOutboundSending,
  markStaleOutboundSendsUnknown,
  type OpenOutboundSend,
} from "@/lib/db/outbound-sends";
import { findRecentOutboundStarts } from "@/lib/db/outbound-history";
import { getEnv } from "@/lib/env";
import type { InboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import type { GraphClient } from "@/lib/whatsapp/graph-client";
import { createSendingGraph, performSend } from "./perform-send";
import { recordSendResults, type SendResult } from "./record-send-results";
import { sendErrorView } from "./send-outcome";
import { DEFAULT_PACING, type Pacing, type QueuedSend, SendQueue } from "./send-queue";
import { type SendLock, tryAcquireSendLock } from "./send-lock";

/** A send another worker left in `sending` this long after its timeout has an unknown outcome. */
const STALE_GRACE_MS = 5_000;
const LOAD_LIMIT = 5_000;
const RESULT_FLUSH_MS = 5;
const POLL_MS = 2_000;
const STALE_CHECK_MS = 5_000;
/** How often sends below the loaded id are looked for (a transaction that committed after a later one). */
const LATE_CHECK_MS = 1_000;
/** A claim whose commit failed: its sends wait this long before the next try. */
const CLAIM_RETRY_MS = 1_000;

type Job = QueuedSend & { send: OpenOutboundSend };

export type SendWorkerOptions = { connectionString?: string; pacing?: Pacing; log?: (line: string) => void };

/**
 * The send worker: in every worker process (and in the server when it processes itself); the one
 * holding the lock sends, the others stand by and take over when it goes. Queued sends are
 * claimed in order per customer, paced per number and per customer, marked `sending` (committed)
 * before the request leaves, and their answers stored in small batches.
 */
export function startSendWorker(options: SendWorkerOptions = {}): { stop: () => Promise<void> } {
  const worker = new SendWorker(options);
  void worker.run();
  return { stop: () => worker.stop() };
}

class SendWorker {
  private stopped = false;
  /** Only while this process holds the lock do new requests leave; answers are recorded regardless. */
  private leading = false;
  private lock: SendLock | null = null;
  private queue: SendQueue<Job>;
  private lastLoadedId = 0n;
  private timer: NodeJS.Timeout | undefined;
  private wakeAt: number | null = null;
  private pending: SendResult[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private inFlight = new Set<Promise<void>>();
  private loading: Promise<void> | null = null;
  private loadAgain = false;
  private needsLoad = true;
  private readonly graph = createSendingGraph();
  /** Every queued or in-flight send this worker knows, and those whose request is out now. */
  private readonly jobs = new Map<bigint, Job>();
  private readonly ownInFlight = new Set<bigint>();
  private staleCheckedAt = 0;
  private lateCheckedAt = 0;
  private readonly log: (line: string) => void;

  constructor(private readonly options: SendWorkerOptions) {
    this.queue = new SendQueue<Job>(this.pacing());
    this.log = options.log ?? ((line) => console.log(line));
  }

  async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const lock = await tryAcquireSendLock({
          connectionString: this.options.connectionString ?? getEnv().DATABASE_URL!,
          onQueued: () => this.wake({ load: true }),
        });
        if (lock) {
          this.lock = lock;
          await this.lead(lock);
        }
      } catch (error) {
        if (!this.stopped) this.log(`[send] database unavailable, retrying: ${(error as Error).message}`);
      }
      await this.releaseLock();
      if (!this.stopped) await sleep(POLL_MS);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
    await this.flush();
    await this.releaseLock();
  }

  /** Runs while this process holds the lock; returns when its connection is gone. */
  private async lead(lock: SendLock): Promise<void> {
    this.queue = new SendQueue<Job>(this.pacing());
    this.jobs.clear();
    this.lastLoadedId = 0n;
    this.staleCheckedAt = 0;
    this.lateCheckedAt = 0;
    await this.seedPacing();
    this.leading = true;
    this.wake({ load: true });
    const poll = setInterval(() => this.wake({ load: true }), POLL_MS);
    try {
      await lock.lost;
    } finally {
      this.leading = false;
      clearInterval(poll);
      clearTimeout(this.timer);
    }
  }

  private async releaseLock(): Promise<void> {
    const lock = this.lock;
    this.lock = null;
    await lock?.release();
  }

  private pacing(): Pacing {
    if (this.options.pacing) return this.options.pacing;
    const env = getEnv();
    return { ...DEFAULT_PACING, pairBurst: env.SEND_PAIR_BURST, pairIntervalMs: env.SEND_PAIR_INTERVAL_MS };
  }

  /** What was sent in the last 30 s counts against the windows (a takeover must not overshoot). */
  private async seedPacing(): Promise<void> {
    for (const past of await findRecentOutboundStarts({ db: getDb(), sinceMs: 30_000 })) this.queue.recordPast(past);
  }

  /**
   * Looks for work: new sends only when told of some (a notification, the poll), otherwise just
   * what the queue in memory allows now (an answer freed a customer, a retry time came).
   */
  private wake({ load = false }: { load?: boolean } = {}): void {
    if (this.stopped || !this.leading) return;
    if (load) this.needsLoad = true;
    if (this.loading) {
      this.loadAgain = true;
      return;
    }
    this.loading = (async () => {
      try {
        do {
          this.loadAgain = false;
          if (this.needsLoad) {
            this.needsLoad = false;
            await this.load();
          }
          await this.dispatch();
        } while (this.loadAgain && !this.stopped);
      } catch (error) {
        this.log(`[send] could not read the queue, retrying: ${(error as Error).message}`);
      } finally {
        this.loading = null;
      }
    })();
  }

  private async load(): Promise<void> {
    const db = getDb();
    for (;;) {
      const rows = await findOpenOutboundSends({ db, afterId: this.lastLoadedId, limit: LOAD_LIMIT });
      this.take(rows);
      if (rows.length > 0) this.lastLoadedId = rows.at(-1)!.id;
      if (rows.length < LOAD_LIMIT) break;
    }
    await this.loadLateCommits();
    await this.expireStale();
  }

  private take(sends: OpenOutboundSend[]): void {
    for (const send of sends) {
      if (this.jobs.has(send.id)) continue;
      const job = toJob(send);
      this.jobs.set(send.id, job);
      this.queue.add(job);
      // Left in flight by a worker that is gone: its customer waits until it is declared unknown.
      if (send.state === "sending") this.queue.holdRecipient(send.recipientKey);
    }
  }

  /**
   * Ids are taken when a transaction inserts, not when it commits: of two replies recorded at once,
   * the lower id can commit second, after the loader has moved past it. Such a send is found here.
   */
  private async loadLateCommits(): Promise<void> {
    if (Date.now() - this.lateCheckedAt < LATE_CHECK_MS) return;
    this.lateCheckedAt = Date.now();
    const db = getDb();
    const missing = (await findOpenOutboundSendIds({ db, upToId: this.lastLoadedId })).filter(
      (id) => !this.jobs.has(id),
    );
    if (missing.length > 0) this.take(await findOpenOutboundSendsById({ db, ids: missing }));
  }

  private async expireStale(): Promise<void> {
    if (Date.now() - this.staleCheckedAt < STALE_CHECK_MS) return;
    this.staleCheckedAt = Date.now();
    this.queue.prune(Date.now());
    await this.releaseSettledHolds();
    const stale = await markStaleOutboundSendsUnknown({
      db: getDb(),
      startedBefore: new Date(Date.now() - getEnv().SEND_TIMEOUT_MS - STALE_GRACE_MS),
      excludeIds: [...this.ownInFlight],
    });
    // A stale send this worker has no job for (a claim that committed though its answer was lost) is read back.
    const unheld = stale.filter((id) => !this.jobs.has(id));
    const read = new Map(
      (await findOpenOutboundSendsById({ db: getDb(), ids: unheld })).map((send) => [send.id, send]),
    );
    const results: SendResult[] = [];
    for (const id of stale) {
      const job = this.jobs.get(id);
      const send = job?.send ?? read.get(id);
      if (!send || this.ownInFlight.has(id)) continue;
      results.push({
        send,
        outcome: {
          kind: "unknown",
          error: sendErrorView({
            code: null,
            title: "The worker sending this message stopped before Meta answered",
            details: null,
            state: "unknown",
          }),
        },
        retryAt: null,
      });
      if (job) this.forget(job);
    }
    if (results.length > 0) void publishInboxChanges(await recordSendResults(results));
  }

  /**
   * Sends held because they were in flight when this worker took over: once the worker that sent
   * them has recorded Meta's answer (or was told to try later), their customers' next sends may go.
   */
  private async releaseSettledHolds(): Promise<void> {
    const held = [...this.jobs.values()].filter((job) => job.send.state === "sending" && !this.ownInFlight.has(job.id));
    if (held.length === 0) return;
    const open = new Map(
      (await findOpenOutboundSendsById({ db: getDb(), ids: held.map((job) => job.id) })).map((send) => [send.id, send]),
    );
    for (const job of held) {
      const send = open.get(job.id);
      if (!send) this.forget(job);
      else if (send.state === "queued") {
        job.send = send;
        this.queue.retryLater(job, send.notBefore.getTime());
      }
    }
  }

  private forget(job: Job): void {
    this.queue.complete(job);
    this.jobs.delete(job.id);
  }

  private async dispatch(): Promise<void> {
    const graph = await this.graph.current();
    if (!graph) return;
    const now = Date.now();
    const { ready, wakeAt } = this.queue.takeReady(now);
    this.scheduleWake(wakeAt);
    if (ready.length === 0) return;
    const queued = ready.filter((job) => job.send.state === "queued");
    let moved: Set<bigint>;
    try {
      moved = await markOutboundSending({ db: getDb(), ids: queued.map((job) => job.id) });
    } catch (error) {
      // Their customers must not wait forever: back in line. Should the claim have committed after
      // all, the next claim finds them `sending` and holds them (below): never sent twice.
      for (const job of ready) this.queue.retryLater(job, Date.now() + CLAIM_RETRY_MS);
      throw error;
    }
    this.queue.departed([...moved], Date.now());
    for (const job of ready) {
      if (!moved.has(job.id)) {
        // In flight elsewhere, finished, or claimed by a try whose answer was lost: held (never sent
        // from here) until releaseSettledHolds or the stale check settles it.
        job.send.state = "sending";
        continue;
      }
      this.ownInFlight.add(job.id);
      const request = this.send(graph, job).finally(() => this.inFlight.delete(request));
      this.inFlight.add(request);
    }
  }

  private async send(graph: GraphClient, job: Job): Promise<void> {
    const { send } = job;
    const outcome = await performSend(graph, send);
    const retryAt = outcome.kind === "retry" ? Date.now() + outcome.delayMs : null;
    // Nothing more leaves once Meta said the token or the account is unusable (stored with the result).
    if (outcome.kind === "failed" && outcome.pausesSending) this.graph.pause();
    this.pending.push({ send, outcome, retryAt });
    this.ownInFlight.delete(job.id);
    if (outcome.kind === "retry") {
      send.attempts += 1;
      send.state = "queued";
    }
    this.flushTimer ??= setTimeout(() => void this.flushAndContinue(), RESULT_FLUSH_MS);
  }

  private async flushAndContinue(): Promise<void> {
    await this.flush();
    this.wake();
  }

  private async flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let changes: InboxChanges;
    try {
      changes = await recordSendResults(batch);
    } catch (error) {
      // Kept and tried again: the customers' next sends wait, so order holds. Should this process
      // die first, the sends are still `sending` in the database: unknown, never sent again.
      this.log(`[send] could not record ${batch.length} answers from Meta, retrying: ${(error as Error).message}`);
      this.pending.unshift(...batch);
      this.flushTimer ??= setTimeout(() => void this.flushAndContinue(), 1_000);
      return;
    }
    // Only now may the customer's next send leave: the answer to this one is stored.
    for (const { send, outcome, retryAt } of batch) {
      const job = this.jobs.get(send.id);
      if (!job) continue;
      if (outcome.kind === "retry" && retryAt !== null) this.queue.retryLater(job, retryAt);
      else this.forget(job);
    }
    // Browsers hear of it right after the commit, without holding up the customers' next sends.
    void publishInboxChanges(changes);
  }

  private scheduleWake(at: number | null): void {
    if (at === null) return;
    if (this.wakeAt !== null && this.wakeAt <= at && this.wakeAt > Date.now()) return;
    clearTimeout(this.timer);
    this.wakeAt = at;
    this.timer = setTimeout(
      () => {
        this.wakeAt = null;
        this.wake();
      },
      Math.max(0, at - Date.now()),
    );
  }
}

function toJob(send: OpenOutboundSend): Job {
  return {
    id: send.id,
    kind: send.kind,
    recipientKey: send.recipientKey,
    phoneNumberId: send.phoneNumberId,
    throughputPerSecond: send.throughputPerSecond,
    notBefore: send.notBefore.getTime(),
    send,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
