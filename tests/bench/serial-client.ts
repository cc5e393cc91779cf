// The benchmarks' timing client for sequential requests, forked by fork-serial-client.ts. It runs in
// a process of its own, small and otherwise idle, so that what it measures is the server: the
// benchmark's main process holds Playwright, the seeded data and megabytes of sample files, and its
// garbage collections (30–40 % of its time while it read a megabyte a few times a second) landed
// inside the requests it timed and took the core the server needed. Bodies are read with node:http
// to their end, each chunk counted and dropped, as a browser on another machine costs this one.
import { Agent, request as httpRequest } from "node:http";
import type { ChildFailure } from "./fork-child";

export type SerialTarget = { url: string; method?: "GET" | "POST"; headers?: Record<string, string> };

export type SerialRun = {
  id: number;
  /** Requested in turn, one at a time; which goes first alternates from one round to the next. */
  targets: SerialTarget[];
  count: number;
  /** Rounds before the measured ones, not recorded. */
  warmup: number;
  /** Every answer must have this status and (when given) this many bytes, or the run fails. */
  expect: { status?: number; bytes?: number };
};

export type SerialResult = {
  id: number;
  ok: true;
  /** Per target, in the order given: each request's time, first byte sent → last byte read. */
  durations: number[][];
  /** Per target: the route's own time from its Server-Timing header, when it sends one. */
  routeDurations: number[][];
};

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function once(target: SerialTarget): Promise<{ status: number; bytes: number; route: number | null }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(target.url, { method: target.method ?? "GET", headers: target.headers, agent });
    request.on("response", (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("error", reject);
      response.on("end", () => {
        const match = /(?:^|,)\s*route;dur=([\d.]+)/.exec(String(response.headers["server-timing"] ?? ""));
        resolve({ status: response.statusCode ?? 0, bytes, route: match ? Number(match[1]) : null });
      });
    });
    request.on("error", reject);
    request.end();
  });
}

async function run({ targets, count, warmup, expect }: SerialRun): Promise<Omit<SerialResult, "id" | "ok">> {
  const durations: number[][] = targets.map(() => []);
  const routeDurations: number[][] = targets.map(() => []);
  for (let index = 0; index < warmup + count; index += 1) {
    const order = index % 2 === 0 ? [...targets.keys()] : [...targets.keys()].reverse();
    for (const which of order) {
      const target = targets[which]!;
      const startedAt = performance.now();
      const answer = await once(target);
      const took = performance.now() - startedAt;
      const wrongStatus = expect.status === undefined ? answer.status >= 400 : answer.status !== expect.status;
      if (wrongStatus || (expect.bytes !== undefined && answer.bytes !== expect.bytes)) {
        throw new Error(`${target.method ?? "GET"} ${target.url} answered ${answer.status} with ${answer.bytes} bytes`);
      }
      if (index < warmup) continue;
      durations[which]!.push(took);
      if (answer.route !== null) routeDurations[which]!.push(answer.route);
    }
  }
  return { durations, routeDurations };
}

process.on("message", (message: SerialRun) => {
  run(message).then(
    (result) => process.send?.({ id: message.id, ok: true, ...result } satisfies SerialResult),
    (error: unknown) =>
      process.send?.({
        id: message.id,
        ok: false,
        error: String((error as Error)?.message ?? error),
      } satisfies ChildFailure),
  );
});
process.on("disconnect", () => process.exit(0));
process.send?.({ ready: true });
