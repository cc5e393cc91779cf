// The benchmark's load generator, forked by tests/bench/ingest.ts. It runs in its own process so
// that autocannon's busy event loop and the parent's 250 ms database sampling do not delay each
// other (which would distort both the latencies and the backlog timeline); the OS schedules the
// three parties (next-server, postgres, this) on the two cores, and the parent measures each one's
// CPU share from /proc.
import { randomBytes } from "node:crypto";
import autocannon, { type AutocannonRequest } from "autocannon";
import { createWebhookFactory } from "./webhook-body";
import type { ChildFailure } from "./fork-child";

export type RunRequest = {
  id: number;
  /** health: GET; post: the same signed bodies to the trivial POST route; ingest: to the webhook. */
  kind: "health" | "post" | "ingest";
  url: string;
  connections: number;
  /** Seconds; or `amount` requests in total. */
  duration?: number;
  amount?: number;
  appSecret?: string;
  senders?: number;
};

export type RunResult = {
  id: number;
  ok: true;
  completed: number;
  acked: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  durationS: number;
  startMs: number;
  finishMs: number;
  latency: { p50: number; p99: number; max: number; average: number };
  /** wamids of the events answered with a 2xx: the ones the server promised to keep. */
  ackedWamids: string[];
};

// One factory for the whole process, so wamids stay unique across the warm-up and the measured run.
let factory: ReturnType<typeof createWebhookFactory> | undefined;
const runTag = randomBytes(4).toString("hex");

async function run(request: RunRequest): Promise<RunResult> {
  const ackedWamids: string[] = [];
  let requests: AutocannonRequest[] | undefined;
  if (request.kind !== "health") {
    factory ??= createWebhookFactory({ appSecret: request.appSecret ?? "", senders: request.senders ?? 1000, runTag });
    const next = factory;
    requests = [
      {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "facebookexternalua" },
        setupRequest: (req, context) => {
          const webhook = next();
          // Pipelining is 1, so the context holds exactly the request whose response comes next.
          context.wamid = webhook.wamid;
          return { ...req, body: webhook.body, headers: { ...req.headers, "x-hub-signature-256": webhook.signature } };
        },
        onResponse: (status, _body, context) => {
          if (status >= 200 && status < 300 && typeof context.wamid === "string") ackedWamids.push(context.wamid);
        },
      },
    ];
  }
  const result = await autocannon({
    url: request.url,
    connections: request.connections,
    pipelining: 1,
    timeout: 30,
    ...(request.amount ? { amount: request.amount } : { duration: request.duration ?? 10 }),
    ...(requests ? { requests } : {}),
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = Number(count);
  return {
    id: request.id,
    ok: true,
    completed: result.requests.total,
    acked: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    durationS: result.duration,
    startMs: new Date(result.start).getTime(),
    finishMs: new Date(result.finish).getTime(),
    latency: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      average: result.latency.average,
    },
    ackedWamids,
  };
}

// The parent going away (crash, Ctrl-C) must not leave a load generator hammering the server.
process.on("disconnect", () => process.exit(0));
process.on("message", (message: RunRequest) => {
  run(message)
    .then((result) => process.send?.(result))
    .catch((error: unknown) =>
      process.send?.({
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies ChildFailure),
    );
});
process.send?.({ ready: true });
