// npm run bench:send -- [--sends 10000] [--numbers 20] [--customers 2000] [--latency-ms 50] [--probes 200]
// The send pipeline against a fake Graph API that answers like Meta (after --latency-ms): how long
// a committed send takes to reach Meta when nothing is paced (one at a time), and how many sends
// per second one worker process gets through across many numbers and customers — counting every
// moment Meta would have seen a number or a customer paced too fast (must be 0) and every send
// that reached it twice (must be 0). The worker is `npm run worker`, as `npm start` runs it.
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { startPusherServer } from "../../lib/realtime/pusher-server";
import { startGraphSandbox } from "../../lib/sandbox/graph-api";
import { root } from "../support/processes";
import { createBenchDatabase } from "./database";
import { createTeardown, runBench } from "./teardown";
import { startWorkers } from "./workers";

const usage = `Usage: npm run bench:send -- [options]
  --sends <n>        queued sends for the throughput run (default 10000)
  --numbers <n>      business numbers they are spread over (default 20)
  --customers <n>    customers (default 2000; --sends / --customers each, within the pair burst)
  --latency-ms <ms>  how long the fake Graph API takes to answer (default 50)
  --probes <n>       single sends for the commit → Meta latency (default 200)
  --throughput <n>   each number's messages per second (default 80, Meta's default)
  --embedded         the embedded Postgres even when a server is reachable
Database: a fresh one on DATABASE_URL's server, else postgresql://postgres@127.0.0.1:5432, else the
embedded Postgres; dropped at the end (KEEP_BENCH_DATABASE=1 keeps it).`;
const { values: flags } = parseArgs({
  options: {
    sends: { type: "string", default: "10000" },
    numbers: { type: "string", default: "20" },
    customers: { type: "string", default: "2000" },
    "latency-ms": { type: "string", default: "50" },
    probes: { type: "string", default: "200" },
    throughput: { type: "string", default: "80" },
    embedded: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (flags.help) {
  console.log(usage);
  process.exit(0);
}
const SENDS = Number(flags.sends);
const NUMBERS = Number(flags.numbers);
const CUSTOMERS = Number(flags.customers);
const PROBES = Number(flags.probes);
const THROUGHPUT = Number(flags.throughput);
const PAIR_BURST = 5;
const PAIR_INTERVAL_MS = 6_000;

const teardown = createTeardown();
const { defer } = teardown;

runBench(async () => {
  console.log(
    `[bench] ${cpus().length} cores, load ${loadavg()
      .map((v) => v.toFixed(1))
      .join(" ")}`,
  );
  const database = await createBenchDatabase({ root, embedded: flags.embedded ?? false, defer });
  const graph = await startGraphSandbox();
  defer("stop the fake Graph API", graph.close);
  graph.latencyMs = Number(flags["latency-ms"]);
  const token = `bench-${randomBytes(8).toString("hex")}`;
  graph.tokens.set(token, "valid");
  const pusherApp = {
    appId: "bench",
    key: `bench-${randomBytes(4).toString("hex")}`,
    secret: randomBytes(24).toString("hex"),
  };
  const pusher = await startPusherServer({ ...pusherApp, host: "127.0.0.1", port: 0 });
  defer("stop the Pusher server", pusher.close);
  Object.assign(process.env, {
    WHATSAPP_GRAPH_API_URL: graph.url,
    WHATSAPP_ACCESS_TOKEN: token,
    SEND_PAIR_BURST: String(PAIR_BURST),
    SEND_PAIR_INTERVAL_MS: String(PAIR_INTERVAL_MS),
    PUSHER_APP_ID: pusherApp.appId,
    PUSHER_KEY: pusherApp.key,
    PUSHER_SECRET: pusherApp.secret,
    PUSHER_HOST: pusher.host,
    PUSHER_PORT: String(pusher.port),
    PUSHER_USE_TLS: "false",
  });

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  defer("close the bench connection", () => client.end());
  const world = await seed(client);
  await startWorkers({ count: 1, databaseUrl: database.url, defer });

  // 1. Latency: one send at a time, nothing paced (each to a customer of its own).
  const latencies: number[] = [];
  for (let index = 0; index < PROBES + 10; index++) {
    const target = world.conversations[index % world.conversations.length]!;
    const text = `probe ${index}`;
    await enqueue(client, [{ ...target, text }]);
    const committed = performance.timeOrigin + performance.now();
    const arrival = await waitFor(() => graph.sent.find((sent) => bodyText(sent.body) === text)?.at, 10_000);
    if (index >= 10) latencies.push(arrival - committed);
    await sleep(20);
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `commit → request at the fake Graph API (${PROBES} single sends, nothing paced): ` +
      `p50 ${pct(latencies, 50)} ms, p95 ${pct(latencies, 95)} ms, p99 ${pct(latencies, 99)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
  );

  // The pair windows of the probes' customers are used: the throughput run starts a minute later
  // for none of them, so use fresh customers only.
  const fresh = world.conversations.slice(PROBES + 10);
  const perCustomer = Math.ceil(SENDS / fresh.length);
  if (perCustomer > PAIR_BURST) {
    throw new Error(`--sends/--customers must stay within the pair burst (${PAIR_BURST}): add customers`);
  }
  const sends = Array.from({ length: SENDS }, (_, index) => ({
    ...fresh[index % fresh.length]!,
    text: `bulk ${index}`,
  }));
  const before = graph.sent.length;
  const started = performance.timeOrigin + performance.now();
  await enqueue(client, sends);
  const enqueued = performance.timeOrigin + performance.now();
  await waitFor(
    async () => {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM outbound_sends WHERE state = 'sent' AND kind = 'message'",
      );
      return rows[0]!.n >= SENDS + PROBES + 10 ? true : undefined;
    },
    600_000,
    100,
  );
  const recorded = performance.timeOrigin + performance.now();
  const bulk = graph.sent.slice(before);
  const lastArrival = Math.max(...bulk.map((sent) => sent.at));
  const seconds = (lastArrival - enqueued) / 1000;
  console.log(
    `throughput: ${SENDS} sends over ${NUMBERS} numbers and ${fresh.length} customers, fake answering in ${graph.latencyMs} ms: ` +
      `${Math.round(SENDS / seconds)} sends/s reached Meta (all ${SENDS} in ${seconds.toFixed(2)} s after the ` +
      `${((enqueued - started) / 1000).toFixed(2)} s enqueue), answers all recorded after ${((recorded - enqueued) / 1000).toFixed(2)} s`,
  );

  // 2. What Meta would have seen: pace and duplicates.
  const all = graph.sent;
  const byNumber = group(all, (sent) => sent.phoneNumberId);
  const byCustomer = group(all, (sent) => `${sent.phoneNumberId}\n${String(sent.body.to)}`);
  const numberViolations = [...byNumber.values()].reduce((sum, times) => sum + violations(times, THROUGHPUT, 1_000), 0);
  const pairViolations = [...byCustomer.values()].reduce(
    (sum, times) => sum + violations(times, PAIR_BURST, PAIR_BURST * PAIR_INTERVAL_MS),
    0,
  );
  const texts = all.map((sent) => bodyText(sent.body));
  const duplicates = texts.length - new Set(texts).size;
  const { rows } = await client.query<{ sent: number; wamids: number }>(
    "SELECT count(*)::int AS sent, count(DISTINCT wamid)::int AS wamids FROM messages WHERE send_state = 'sent'",
  );
  const perNumberPeak = Math.max(...[...byNumber.values()].map((times) => peak(times, 1_000)));
  console.log(
    `pace as Meta saw it: ${numberViolations} moments over a number's ${THROUGHPUT}/s (peak ${perNumberPeak} in any second), ` +
      `${pairViolations} over a customer's ${PAIR_BURST} per ${(PAIR_BURST * PAIR_INTERVAL_MS) / 1000} s; ` +
      `${duplicates} sends that reached Meta twice; ${rows[0]!.sent} messages recorded sent with ${rows[0]!.wamids} distinct wamids ` +
      `(expected ${SENDS + PROBES + 10})`,
  );
  if (numberViolations + pairViolations + duplicates > 0 || rows[0]!.sent !== SENDS + PROBES + 10) process.exitCode = 1;
}, teardown);

type Target = { conversationId: string; phoneNumberId: string; contactId: string; waId: string };

async function seed(client: pg.Client): Promise<{ conversations: Target[] }> {
  const conversations: Target[] = [];
  await client.query("BEGIN");
  for (let n = 0; n < NUMBERS; n++) {
    await client.query(
      "INSERT INTO phone_numbers (id, phone_number_id, display_phone_number, throughput_per_second) VALUES ($1, $2, $3, $4)",
      [`pn_bench_${n}`, `10000000000${String(n).padStart(4, "0")}`, `1555000${String(n).padStart(4, "0")}`, THROUGHPUT],
    );
  }
  for (let c = 0; c < CUSTOMERS + PROBES + 10; c++) {
    const waId = `49170${String(c).padStart(7, "0")}`;
    const phoneNumberId = `pn_bench_${c % NUMBERS}`;
    await client.query("INSERT INTO contacts (id, wa_id, profile_name) VALUES ($1, $2, $3)", [
      `ct_${c}`,
      waId,
      `C ${c}`,
    ]);
    await client.query(
      "INSERT INTO conversations (id, contact_id, phone_number_id, last_inbound_at, last_message_at) VALUES ($1, $2, $3, now(), now())",
      [`cv_${c}`, `ct_${c}`, phoneNumberId],
    );
    conversations.push({ conversationId: `cv_${c}`, phoneNumberId, contactId: `ct_${c}`, waId });
  }
  await client.query("COMMIT");
  return { conversations };
}

/** What the send API records for each reply: the message and its send job, one transaction. */
async function enqueue(client: pg.Client, sends: (Target & { text: string })[]): Promise<void> {
  await client.query("BEGIN");
  for (let start = 0; start < sends.length; start += 1_000) {
    const chunk = sends.slice(start, start + 1_000);
    await client.query(
      `WITH v AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
           AS v(conversation_id, phone_number_id, contact_id, wa_id, text)
       ), m AS (
         INSERT INTO messages (id, conversation_id, direction, type, text, content, timestamp, status, send_state, author_kind)
         SELECT 'msg_' || gen_random_uuid(), v.conversation_id, 'outbound', 'text', v.text,
                jsonb_build_object('body', v.text, 'preview_url', false), now(), 'pending', 'queued', 'system'
         FROM v RETURNING id, conversation_id, text
       )
       INSERT INTO outbound_sends (kind, message_id, conversation_id, phone_number_id, recipient_key, payload)
       SELECT 'message', m.id, v.conversation_id, v.phone_number_id, v.contact_id,
              jsonb_build_object('messaging_product', 'whatsapp', 'recipient_type', 'individual', 'to', v.wa_id,
                                 'type', 'text', 'text', jsonb_build_object('body', v.text, 'preview_url', false))
       FROM m JOIN v ON v.conversation_id = m.conversation_id AND v.text = m.text
       ORDER BY m.text`,
      [
        chunk.map((s) => s.conversationId),
        chunk.map((s) => s.phoneNumberId),
        chunk.map((s) => s.contactId),
        chunk.map((s) => s.waId),
        chunk.map((s) => s.text),
      ],
    );
  }
  await client.query("SELECT pg_notify('outbound_queued', '')");
  await client.query("COMMIT");
}

const bodyText = (body: Record<string, unknown>) => (body.text as { body?: string } | undefined)?.body ?? "";

type Arrival = { at: number; phoneNumberId: string; body: Record<string, unknown> };

/** Arrival times per key, sorted. */
function group(items: Arrival[], key: (item: Arrival) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const k = key(item);
    const times = groups.get(k) ?? [];
    times.push(item.at);
    groups.set(k, times);
  }
  for (const times of groups.values()) times.sort((a, b) => a - b);
  return groups;
}

/** Moments where more than `limit` requests arrived within `windowMs`. */
function violations(times: number[], limit: number, windowMs: number): number {
  let count = 0;
  for (let index = limit; index < times.length; index++) if (times[index]! - times[index - limit]! < windowMs) count++;
  return count;
}

/** The most requests that arrived within any `windowMs`. */
function peak(times: number[], windowMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);

async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 1,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(everyMs);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
