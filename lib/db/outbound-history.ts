import "server-only";
import type { Db } from "./client";

export type RecentOutboundStart = {
  phoneNumberId: string;
  recipientKey: string;
  throughputPerSecond: number;
  kind: "message" | "reaction" | "read";
  at: number;
};

/** Requests that left recently, so a worker taking over paces on from where the last one was. */
export async function findRecentOutboundStarts({
  db,
  sinceMs,
}: {
  db: Db;
  sinceMs: number;
}): Promise<RecentOutboundStart[]> {
  const rows = await db.$queryRaw<
    {
      phone_number_id: string;
      recipient_key: string;
      throughput_per_second: number;
      kind: RecentOutboundStart["kind"];
      at: Date;
    }[]
  >`
    SELECT s.phone_number_id, s.recipient_key, p.throughput_per_second, s.kind, s.started_at AS at
    FROM outbound_sends s JOIN phone_numbers p ON p.id = s.phone_number_id
    WHERE s.started_at > now() - make_interval(secs => ${sinceMs / 1000})
    ORDER BY s.started_at`;
  return rows.map((row) => ({
    phoneNumberId: row.phone_number_id,
    recipientKey: row.recipient_key,
    throughputPerSecond: row.throughput_per_second,
    kind: row.kind,
    at: row.at.getTime(),
  }));
}
