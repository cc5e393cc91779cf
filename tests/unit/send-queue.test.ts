// The send worker's pacing and order rules, without I/O: what may leave when.
import { describe, expect, it } from "vitest";
import { type QueuedSend, SendQueue, SlidingWindow } from "../../lib/outbound/send-queue";
import { classifySendFailure, MAX_SEND_ATTEMPTS, sendErrorView } from "../../lib/outbound/send-outcome";

const noMargin = { pairBurst: 2, pairIntervalMs: 1_000, marginRatio: 0 };
let nextId = 1n;
const send = (recipientKey: string, overrides: Partial<QueuedSend> = {}): QueuedSend => ({
  id: nextId++,
  kind: "message",
  recipientKey,
  phoneNumberId: "pn-1",
  throughputPerSecond: 80,
  notBefore: 0,
  ...overrides,
});

describe("SlidingWindow", () => {
  it("allows `limit` events in any window, never one more", () => {
    const window = new SlidingWindow(3, 1_000);
    for (const at of [0, 10, 20]) {
      expect(window.nextAt(at)).toBe(at);
      window.take(at);
    }
    expect(window.nextAt(500)).toBe(1_000);
    expect(window.nextAt(1_000)).toBe(1_000); // the event at 0 has left the window
  });
});

describe("SendQueue", () => {
  it("sends one customer's messages one at a time, in the order they were recorded", () => {
    const queue = new SendQueue(noMargin);
    const [a, b] = [send("alice"), send("alice")];
    queue.add(b);
    queue.add(a);
    expect(queue.takeReady(0).ready).toEqual([a]);
    expect(queue.takeReady(1).ready).toEqual([]); // a has no answer yet
    queue.complete(a);
    expect(queue.takeReady(2).ready).toEqual([b]);
  });

  it("keeps a refused send first in line until its retry time", () => {
    const queue = new SendQueue(noMargin);
    const [a, b] = [send("bob"), send("bob")];
    queue.add(a);
    queue.add(b);
    queue.takeReady(0);
    queue.retryLater(a, 5_000);
    const { ready, wakeAt } = queue.takeReady(100);
    expect(ready).toEqual([]);
    expect(wakeAt).toBe(5_000);
    expect(queue.takeReady(5_000).ready).toEqual([a]);
  });

  it("never exceeds the pair rate: a burst, then one per interval", () => {
    const queue = new SendQueue(noMargin);
    const sends = Array.from({ length: 4 }, () => send("carol"));
    for (const item of sends) queue.add(item);
    const times: number[] = [];
    let now = 0;
    for (let step = 0; step < 100 && times.length < 4; step++) {
      const { ready, wakeAt } = queue.takeReady(now);
      for (const item of ready) {
        times.push(now);
        queue.complete(item);
      }
      now = ready.length > 0 ? now : (wakeAt ?? now + 1);
    }
    expect(times).toEqual([0, 0, 2_000, 2_000]);
  });

  it("never exceeds the number's throughput across customers; read receipts do not count toward the pair rate", () => {
    const queue = new SendQueue(noMargin);
    const customers = Array.from({ length: 40 }, (_, index) => send(`c${index}`, { throughputPerSecond: 30 }));
    for (const item of customers) queue.add(item);
    // Spread within the second: a tenth of the rate per tenth of a second, never more than the rate.
    const first = queue.takeReady(0);
    expect(first.ready).toHaveLength(3);
    expect(first.wakeAt).toBe(100);
    let sent = first.ready.length;
    for (let now = 100; now < 1_000; now += 100) sent += queue.takeReady(now).ready.length;
    expect(sent).toBe(30);
    expect(queue.takeReady(999).ready).toHaveLength(0);
    const reads = new SendQueue(noMargin);
    const receipts = Array.from({ length: 3 }, () => send("dave", { kind: "read" }));
    for (const item of receipts) reads.add(item);
    for (const item of receipts) {
      const { ready } = reads.takeReady(0);
      expect(ready).toEqual([item]);
      reads.complete(item);
    }
  });

  it("paces on from what was sent before a takeover", () => {
    const queue = new SendQueue(noMargin);
    for (const at of [0, 1]) {
      queue.recordPast({ phoneNumberId: "pn-1", recipientKey: "erin", throughputPerSecond: 80, kind: "message", at });
    }
    queue.add(send("erin"));
    expect(queue.takeReady(10)).toEqual({ ready: [], wakeAt: 2_000 });
  });
});

describe("what Meta's answer means", () => {
  const meta = (code: number, httpStatus = 400) =>
    ({
      kind: "meta",
      httpStatus,
      code,
      subcode: null,
      type: "OAuthException",
      message: "m",
      details: null,
      fbtraceId: null,
    }) as const;

  it("retries refusals that prove nothing was sent, and only those", () => {
    expect(classifySendFailure(meta(130429), 1).kind).toBe("retry");
    expect(classifySendFailure(meta(131056), 1)).toMatchObject({ kind: "retry", pairLimited: true, delayMs: 6_000 });
    expect(classifySendFailure(meta(80007), 1).kind).toBe("retry");
    expect(
      classifySendFailure({ kind: "network", message: "refused", requestSent: false, timedOut: false }, 1).kind,
    ).toBe("retry");
    expect(classifySendFailure(meta(130429), 6).kind).toBe("failed");
  });

  it("never retries what may have reached the customer", () => {
    expect(
      classifySendFailure({ kind: "network", message: "timeout", requestSent: true, timedOut: true }, 1).kind,
    ).toBe("unknown");
    expect(classifySendFailure(meta(1, 500), 1).kind).toBe("unknown");
    expect(classifySendFailure({ kind: "unexpected", httpStatus: 502, message: "bad gateway" }, 1).kind).toBe(
      "unknown",
    );
  });

  it("tells the agent in words what the network did, the host and error code kept below for an admin", () => {
    const host = "graph.facebook.com";
    const broke = {
      kind: "network",
      message: `the connection to ${host} ended without an answer (UND_ERR_SOCKET)`,
      requestSent: true,
    } as const;
    expect(classifySendFailure({ ...broke, timedOut: false }, 1)).toMatchObject({
      kind: "unknown",
      error: {
        title: "The connection to Meta broke before it answered",
        details: `Technical detail: the connection to ${host} ended without an answer (UND_ERR_SOCKET).`,
        advice: expect.stringMatching(/may or may not have reached the customer/),
      },
    });
    const late = {
      kind: "network",
      message: `${host} did not answer within 30 s`,
      requestSent: true,
      timedOut: true,
    } as const;
    expect(classifySendFailure(late, 1)).toMatchObject({
      kind: "unknown",
      error: { title: "Meta did not answer in time", details: `Technical detail: ${host} did not answer within 30 s.` },
    });
    // Never connected: tried again, and in the end failed saying nothing was sent (not "Meta refused").
    const refused = {
      kind: "network",
      message: `could not connect to ${host} (ECONNREFUSED)`,
      requestSent: false,
      timedOut: false,
    } as const;
    expect(classifySendFailure(refused, 1)).toMatchObject({
      kind: "retry",
      error: { title: "Meta could not be reached", advice: "Meta could not be reached; it will be tried again." },
    });
    const gaveUp = classifySendFailure(refused, MAX_SEND_ATTEMPTS);
    expect(gaveUp).toMatchObject({ kind: "failed", error: { title: "Meta could not be reached" } });
    if (gaveUp.kind !== "failed") throw new Error("not failed");
    expect(gaveUp.error.advice).toBe("Nothing was sent; the reason is above.");
    const proxy = classifySendFailure(
      { kind: "unexpected", httpStatus: 403, message: "its body is not a Graph API error" },
      1,
    );
    expect(proxy).toMatchObject({ kind: "failed", error: { advice: gaveUp.error.advice } });
    // Read back from the database, a failure without a Meta code says the same.
    expect(
      sendErrorView({ code: null, title: gaveUp.error.title, details: gaveUp.error.details, state: "failed" }),
    ).toEqual(gaveUp.error);
  });

  it("fails the rest with what to do, closing the window on 131047 and pausing on 190 / 368 / 131031", () => {
    expect(classifySendFailure(meta(131047), 1)).toMatchObject({
      kind: "failed",
      closesWindow: true,
      pausesSending: false,
    });
    for (const code of [190, 368, 131031]) {
      expect(classifySendFailure(meta(code), 1)).toMatchObject({ kind: "failed", pausesSending: true });
    }
    const undeliverable = classifySendFailure(meta(131026), 1);
    expect(undeliverable.kind === "failed" && undeliverable.error.advice).toContain("could not deliver");
  });

  it("titles a refusal with Meta's message, without the code it starts with (shown beside it)", () => {
    const refused = classifySendFailure({ ...meta(131000), message: "(#131000) Something went wrong" }, 1);
    expect(refused.kind === "failed" && refused.error).toMatchObject({ code: 131000, title: "Something went wrong" });
    // Another code's prefix, or a message that is only the code, stays as Meta wrote it.
    const other = classifySendFailure({ ...meta(131026), message: "(#100) Invalid parameter" }, 1);
    expect(other.kind === "failed" && other.error.title).toBe("(#100) Invalid parameter");
    const bare = classifySendFailure({ ...meta(131026), message: "(#131026)" }, 1);
    expect(bare.kind === "failed" && bare.error.title).toBe("(#131026)");
  });
});
