// The fault suite (`npm run test:faults`): one Postgres of its own and the app in the `npm start`
// layout, broken under load in every way the ingest pipeline must survive — the database stopped,
// crashed, frozen; the worker killed mid-batch again and again; the whole app killed; a duplicate
// storm. After each: every request answered 2xx is stored and processed exactly once, the others at
// most once, and Meta's retries (same bytes) leave everything exactly once (tests/faults/harness.ts).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signPayload } from "../../lib/whatsapp/signature";
import { createWebhookFactory } from "../bench/webhook-body";
import {
  claimInProgress,
  drained,
  eventually,
  expectExactlyOnce,
  type FaultSuite,
  isAck,
  LOAD,
  partWayThrough,
  post,
  seconds,
  sentDuring,
  sleep,
  startFaultSuite,
  startLoad,
  statusSplit,
  tally,
} from "./harness";

// One database and app for all scenarios (starting them is the slow part); each counts its own wamids.
let suite: FaultSuite;
beforeAll(async () => {
  suite = await startFaultSuite();
});
afterAll(async () => {
  await suite?.teardown();
});

describe("the database fails under load", () => {
  it("is stopped (graceful) and started again", async () => {
    const load = startLoad(suite.app, LOAD);
    await partWayThrough(load, 0.25, LOAD.total);
    const from = Date.now();
    try {
      await suite.database.stop();
      await sleep(2_000);
    } finally {
      await suite.database.start();
    }
    const to = Date.now();
    await load.done;
    expect(sentDuring(load.deliveries, from, to)).toBeGreaterThan(0);
    await expectExactlyOnce("database stopped and started", suite, load.deliveries);
  });

  it("crashes (SIGKILL of the postmaster) and is restarted", async () => {
    const load = startLoad(suite.app, LOAD);
    await partWayThrough(load, 0.25, LOAD.total);
    const from = Date.now();
    try {
      await suite.database.crash();
      await sleep(1_000);
    } finally {
      await suite.database.start();
    }
    const to = Date.now();
    await load.done;
    expect(sentDuring(load.deliveries, from, to)).toBeGreaterThan(0);
    await expectExactlyOnce("database crashed and restarted", suite, load.deliveries);
  });

  it("freezes (SIGSTOP for 3 s): acks time out with 503, then it thaws", async () => {
    const load = startLoad(suite.app, LOAD);
    await partWayThrough(load, 0.25, LOAD.total);
    const from = Date.now();
    try {
      suite.database.freeze();
      await sleep(3_000);
      // On a starved machine the requests of those 3 s may not have reached the store yet: stay
      // frozen until one has waited out the deadline (it cannot be answered anything but 503).
      await eventually(
        async () => load.deliveries.some((delivery) => delivery.status === 503),
        "a 503 while frozen",
        60_000,
      );
    } finally {
      suite.database.thaw();
    }
    const to = Date.now();
    await load.done;
    expect(sentDuring(load.deliveries, from, to)).toBeGreaterThan(0);
    // A frozen database answers nothing: the store deadline (1 s here) turned the wait into 503s.
    expect(load.deliveries.some((delivery) => delivery.status === 503)).toBe(true);
    await expectExactlyOnce("database frozen 3 s", suite, load.deliveries);
  });
});

describe("the app's processes are killed under load", () => {
  it("the worker is killed (SIGKILL) three times and restarted", async () => {
    const load = startLoad(suite.app, LOAD);
    let midBatch = 0;
    for (const share of [0.2, 0.4, 0.6]) {
      await partWayThrough(load, share, LOAD.total);
      if (await claimInProgress(suite.database.url)) midBatch += 1;
      await suite.app.killWorker();
      await sleep(500);
      suite.app.startWorker();
    }
    await load.done;
    console.log(`[faults] worker kills inside a claiming transaction: ${midBatch} of 3`);
    await expectExactlyOnce("worker killed 3 times", suite, load.deliveries);
  });

  it("the whole app (server and worker) is killed and restarted", async () => {
    const load = startLoad(suite.app, LOAD);
    await partWayThrough(load, 0.3, LOAD.total);
    const from = Date.now();
    await Promise.all([suite.app.killServer(), suite.app.killWorker()]);
    await sleep(500);
    await suite.app.startServer();
    suite.app.startWorker();
    const to = Date.now();
    await load.done;
    expect(sentDuring(load.deliveries, from, to)).toBeGreaterThan(0);
    await expectExactlyOnce("server and worker killed and restarted", suite, load.deliveries);
  });
});

// Thousands of copies at once, as many in flight as Meta would plausibly have.
const COPIES = 2_000;
const CONCURRENCY = 64;

/** The same object with every key order reversed. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, inner]) => [key, reversedKeys(inner)]),
    );
  return value;
}

describe("a duplicate storm", () => {
  it("stores each distinct body once and makes exactly one message", async () => {
    try {
      const original = createWebhookFactory({
        appSecret: suite.app.appSecret,
        senders: 1,
        runTag: randomBytes(3).toString("hex"),
      })();
      const parsed: unknown = JSON.parse(original.body);
      const variants = [
        original.body, // Meta's escaped rendering
        JSON.stringify(parsed), // plain UTF-8, unescaped slashes
        JSON.stringify(parsed, null, 2),
        JSON.stringify(parsed, null, "\t"),
        `${original.body}\n`,
        JSON.stringify(reversedKeys(parsed)),
      ].map((body) => ({ body, signature: signPayload(body, suite.app.appSecret) }));
      expect(new Set(variants.map((variant) => variant.body)).size).toBe(variants.length);

      const statuses: number[] = [];
      let cursor = 0;
      const sender = async () => {
        for (let index = cursor++; index < COPIES; index = cursor++) {
          const variant = variants[index % variants.length]!;
          statuses[index] = await post(suite.app.url(), variant);
        }
      };
      const stormStartedAt = Date.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, sender));
      const stormTook = seconds(Date.now() - stormStartedAt);
      // Whatever was not acknowledged Meta sends again: every variant ends up acknowledged at least once.
      for (const variant of variants) {
        let status = 0;
        for (let attempt = 0; attempt < 240 && !isAck(status); attempt++) {
          status = await post(suite.app.url(), variant);
          if (!isAck(status)) await sleep(500);
        }
        expect(isAck(status)).toBe(true);
      }

      await drained(suite.database.url);
      const deliveries = statuses.map((status) => ({ wamid: original.wamid, status }));
      const result = await tally(suite.database.url, deliveries, { uniqueBodies: false, known: suite.sent });
      suite.sent.add(original.wamid);
      const acked = statuses.filter(isAck).length;
      console.log(
        `[faults] duplicate storm: sent ${COPIES} (${variants.length} byte-variants) / acked ${acked} / stored ${result.rawEvents} raw events / processed ${result.processed} / duplicates ${result.duplicates} / lost ${result.lost} (${statusSplit(deliveries)}; the storm took ${stormTook})`,
      );
      expect(result.rawEvents, "one raw event per distinct body").toBe(variants.length);
      expect(result.processed, "exactly one message").toBe(1);
      expect(result.duplicates).toBe(0);
      expect(result.lost).toBe(0);
      expect(result.strangers).toBe(0);
      expect(result.failedEvents).toBe(0);
    } catch (error) {
      console.error(`[faults] duplicate storm failed; the processes said:\n${suite.app.output()}`);
      throw error;
    }
  });
});
