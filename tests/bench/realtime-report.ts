// What bench:realtime prints: POST → visible per message, and where the time went — the ack, the
// processing (raw_events' own clock in Postgres), the Pusher frame reaching the page, the page
// fetching the message and painting it.
import pg from "pg";
import { ms, percentile, spread } from "./stats";

export type Delivery = {
  wamid: string;
  /** Node wall clock just before the POST, and when its 200 arrived. */
  startedAt: number;
  ackAt: number;
  /** Page wall clock: the bubble in the DOM, and the frame showing it produced. Null: never shown. */
  dom: number | null;
  paint: number | null;
};

type WsFrame = { at: number; data: string };

/** messageId → when the page's socket received its message-created event. */
function wsArrivals(frames: WsFrame[]): Map<string, number> {
  const arrivals = new Map<string, number>();
  for (const frame of frames) {
    try {
      const envelope = JSON.parse(frame.data) as { event?: string; data?: string };
      if (envelope.event !== "message-created" || !envelope.data) continue;
      const { messageId } = JSON.parse(envelope.data) as { messageId?: string };
      if (messageId && !arrivals.has(messageId)) arrivals.set(messageId, frame.at);
    } catch {
      // not a Pusher event frame
    }
  }
  return arrivals;
}

export async function printDeliveries({
  deliveries,
  ws,
  databaseUrl,
  messageFetches,
  log,
}: {
  deliveries: Delivery[];
  ws: WsFrame[];
  databaseUrl: string;
  messageFetches: number[];
  log: (line?: string) => void;
}): Promise<{ totalP50: number | null; toDomP50: number | null }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string; wamid: string; received: number; processing: number }>(
    `SELECT m.id, m.wamid, extract(epoch FROM r.received_at) * 1000 AS received,
            extract(epoch FROM r.processed_at) * 1000 AS processing
     FROM messages m JOIN raw_events r ON r.id = m.raw_event_id WHERE m.wamid = ANY($1::text[])`,
    [deliveries.map((delivery) => delivery.wamid)],
  );
  await client.end();
  const stored = new Map(rows.map((row) => [row.wamid, row]));
  const arrivals = wsArrivals(ws);

  const shown = deliveries.filter((delivery) => delivery.paint !== null && delivery.dom !== null);
  const parts = shown.map((delivery) => {
    const row = stored.get(delivery.wamid);
    const eventAt = row ? arrivals.get(row.id) : undefined;
    return {
      total: delivery.paint! - delivery.startedAt,
      ack: delivery.ackAt - delivery.startedAt,
      ackToVisible: delivery.paint! - delivery.ackAt,
      queued: row ? row.processing - row.received : undefined,
      toPage: row && eventAt ? eventAt - row.processing : undefined,
      toDom: eventAt ? delivery.dom! - eventAt : undefined,
      toPaint: delivery.paint! - delivery.dom!,
    };
  });
  const values = (key: keyof (typeof parts)[number]) =>
    parts.map((part) => part[key]).filter((value): value is number => typeof value === "number");
  const total = values("total");
  log(`\nPOST start → message painted in the open thread (${shown.length} of ${deliveries.length} shown within 10 s)`);
  log(`   ${spread(total)}`);
  const p50 = percentile(total, 50);
  const p99 = percentile(total, 99);
  log(
    `   target p50 ≤ 60 ms: ${p50 !== null && p50 <= 60 ? "met" : "NOT met"} (${ms(p50)}) · ` +
      `p99 ≤ 150 ms: ${p99 !== null && p99 <= 150 ? "met" : "NOT met"} (${ms(p99)})`,
  );
  log("\n   where the time went (each line has its own percentiles: they do not add up exactly)");
  const lines: [string, number[]][] = [
    ["POST → ack (Node)", values("ack")],
    ["ack → visible", values("ackToVisible")],
    ["stored → processing began (Postgres clock)", values("queued")],
    ["processing began → Pusher event at the page", values("toPage")],
    ["event at the page → bubble in the DOM", values("toDom")],
    ["bubble in the DOM → frame painted", values("toPaint")],
    ["GET /api/messages/<id> (browser)", messageFetches],
  ];
  for (const [label, series] of lines) log(`   ${label.padEnd(46)} ${spread(series)}`);
  const missing = deliveries.length - shown.length;
  if (missing > 0) log(`   ${missing} message(s) never appeared within 10 s`);
  return { totalP50: p50, toDomP50: percentile(values("toDom"), 50) };
}
