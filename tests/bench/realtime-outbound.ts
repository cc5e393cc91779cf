// bench:realtime's outbound leg (the sandbox's round trip): the agent presses Enter → Meta's stand-in
// accepts the send, which is the moment the simulated customer's phone has it → the customer reads
// it at once → Meta's signed `read` status webhook → the worker → the Pusher event → the agent's
// bubble shows blue ticks. The stand-in's status delays are zero, so the figure is the app's own.
import type { GraphSandbox } from "../../lib/sandbox/graph-api";
import { addCustomer, customerReads, type SimulatedCustomer } from "../../lib/sandbox/customers";
import { SAMPLE_DISPLAY_PHONE_NUMBER, SAMPLE_PHONE_NUMBER_ID } from "../../lib/whatsapp/sample-payloads";
import { type RealtimeSide, waitForConversation } from "./realtime-side";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type RoundTrip = { toPhone: number; toBlue: number };

/** Waits for the sandbox to have accepted the send whose text holds `marker`; its arrival time. */
async function acceptedAt(graph: GraphSandbox, marker: string, timeoutMs: number): Promise<number | null> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(1)) {
    const sent = graph.sent.find((entry) => JSON.stringify(entry.body).includes(marker));
    if (sent) return sent.at;
  }
  return null;
}

// Meta lets a business send a customer only a few messages in a short time (the pair rate; the app
// paces to 5 per 30 s): each customer gets this many round trips, then the agent opens the next one.
const TRIPS_PER_CUSTOMER = 5;

export async function measureRoundTrips({
  side,
  graph,
  webhook,
  runTag,
  count,
  gapMs,
}: {
  side: RealtimeSide;
  graph: GraphSandbox;
  webhook: { url: string; appSecret: string };
  runTag: string;
  count: number;
  gapMs: number;
}): Promise<RoundTrip[]> {
  graph.statusDelayMs = 0;
  graph.webhookTarget = async () => webhook;
  const { page } = side;
  await page.bringToFront();
  const trips: RoundTrip[] = [];
  const warmup = 3;
  let customer: SimulatedCustomer | null = null;
  for (let round = 1; round <= count + warmup; round += 1) {
    if ((round - 1) % TRIPS_PER_CUSTOMER === 0) customer = await openNewCustomer(side, graph, runTag, round);
    const marker = `rtm-${runTag}-${200_000 + round}-ok`;
    const composer = page.getByRole("textbox", { name: /reply|message/i }).first();
    await composer.fill(`${marker} round trip`);
    const blue = page.evaluate(`window.__bench.waitForRead(${JSON.stringify(marker)})`) as Promise<number>;
    await composer.press("Enter");
    const phoneAt = await acceptedAt(graph, marker, 10_000);
    if (phoneAt !== null) await customerReads(graph, customer!);
    const blueAt = await Promise.race([blue, sleep(10_000).then(() => null)]);
    const enterAt = (await page.evaluate("window.__bench.marks.enterAt")) as number;
    if (round > warmup && phoneAt !== null && blueAt !== null) {
      trips.push({ toPhone: phoneAt - enterAt, toBlue: blueAt - enterAt });
    }
    await sleep(gapMs);
  }
  return trips;
}

/** A new simulated customer writes first (their window opens); the agent's page opens their conversation. */
async function openNewCustomer(
  side: RealtimeSide,
  graph: GraphSandbox,
  runTag: string,
  round: number,
): Promise<SimulatedCustomer> {
  const from = `4477009${String(round).padStart(5, "0")}`;
  const name = `Round Trip ${round}`;
  await side.post(`rtm-${runTag}-${300_000 + round}-ok hello`, 300_000 + round, { from, name });
  const conversationId = await waitForConversation(side.databaseUrl, from);
  await side.page.goto(`/inbox/${conversationId}`);
  await side.page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 30_000 });
  return addCustomer(graph, {
    waId: from,
    name,
    phoneNumberId: SAMPLE_PHONE_NUMBER_ID,
    displayPhoneNumber: SAMPLE_DISPLAY_PHONE_NUMBER.replace(/\D/g, ""),
  });
}

export function describeRoundTrips(trips: RoundTrip[], count: number): string {
  if (trips.length === 0) return `[bench] round trip: none of ${count} completed within 10 s`;
  const at = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
  };
  const line = (values: number[]) => `p50 ${at(values, 50)} ms, p99 ${at(values, 99)} ms, max ${at(values, 100)} ms`;
  return (
    `[bench] round trip through the sandbox (${trips.length} of ${count}; status delays 0), from the Enter keydown:\n` +
    `[bench]   → the customer's phone has it (Meta's stand-in accepted the send): ${line(trips.map((t) => t.toPhone))}\n` +
    `[bench]   → the customer read it, blue ticks painted on the agent's bubble: ${line(trips.map((t) => t.toBlue))}`
  );
}
