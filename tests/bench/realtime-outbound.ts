// bench:realtime's outbound leg (the sandbox's round trip): the agent presses Enter → Meta's stand-in
// accepts the send, which is the moment the simulated customer's phone has it → the customer reads
// it at once → Meta's signed `read` status webhook → the worker → the Pusher event → the agent's
// bubble shows blue ticks. The stand-in's status delays are zero, so the figure is the app's own.
import type { Page } from "@playwright/test";
import type { GraphSandbox } from "../../lib/sandbox/graph-api";
import { addCustomer, customerReads } from "../../lib/sandbox/customers";
import { SAMPLE_DISPLAY_PHONE_NUMBER, SAMPLE_PHONE_NUMBER_ID } from "../../lib/whatsapp/sample-payloads";
import { BENCH_CUSTOMER } from "./realtime-side";

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

export async function measureRoundTrips({
  page,
  graph,
  webhook,
  runTag,
  count,
  gapMs,
}: {
  page: Page;
  graph: GraphSandbox;
  webhook: { url: string; appSecret: string };
  runTag: string;
  count: number;
  gapMs: number;
}): Promise<RoundTrip[]> {
  graph.statusDelayMs = 0;
  graph.webhookTarget = async () => webhook;
  const customer = addCustomer(graph, {
    waId: BENCH_CUSTOMER.from,
    name: BENCH_CUSTOMER.name,
    phoneNumberId: SAMPLE_PHONE_NUMBER_ID,
    displayPhoneNumber: SAMPLE_DISPLAY_PHONE_NUMBER.replace(/\D/g, ""),
  });
  await page.bringToFront();
  const composer = page.getByRole("textbox", { name: /reply|message/i }).first();
  const trips: RoundTrip[] = [];
  const warmup = 3;
  for (let round = 1; round <= count + warmup; round += 1) {
    const marker = `rtm-${runTag}-${200_000 + round}-ok`;
    await composer.fill(`${marker} round trip`);
    const blue = page.evaluate(`window.__bench.waitForRead(${JSON.stringify(marker)})`) as Promise<number>;
    await composer.press("Enter");
    const phoneAt = await acceptedAt(graph, marker, 10_000);
    if (phoneAt !== null) await customerReads(graph, customer);
    const blueAt = await Promise.race([blue, sleep(10_000).then(() => null)]);
    const enterAt = (await page.evaluate("window.__bench.marks.enterAt")) as number;
    if (round > warmup && phoneAt !== null && blueAt !== null) {
      trips.push({ toPhone: phoneAt - enterAt, toBlue: blueAt - enterAt });
    }
    await sleep(gapMs);
  }
  return trips;
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
