// npm run events:replay -- [--failed | --state processed] [--from ISO] [--to ISO] [--id N ...]
import { parseArgs } from "node:util";
import { z } from "zod";
import { useDatabaseOfRunningApp } from "@/lib/runtime-file";

const usage = `Usage: npm run events:replay -- [--failed] [--state pending|processed|failed] [--from 2026-01-01T00:00Z] [--to …] [--id 42 …]
Re-processes stored webhook events. Without options: every stored event (safe: processing is idempotent).
What can be replayed: events received within RAW_EVENT_RETENTION_DAYS (default 30; older processed ones
are pruned) and failed or pending events of any age. Re-applying also fills in what later versions
extract from the same bodies (errors Meta reported for a number, ids above 2^53 kept exactly).`;

const optionsSchema = z.object({
  failed: z.boolean().optional(),
  state: z.enum(["pending", "processed", "failed"]).optional(),
  from: z.iso.datetime({ offset: true, local: true }).optional(),
  to: z.iso.datetime({ offset: true, local: true }).optional(),
  id: z.array(z.string().regex(/^\d+$/, "--id takes a numeric event id")).optional(),
  help: z.boolean().optional(),
});

async function main() {
  const { values } = parseArgs({
    options: {
      failed: { type: "boolean" },
      state: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      id: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success || parsed.data.help) {
    if (!parsed.success)
      console.error(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
    console.log(usage);
    process.exit(parsed.success ? 0 : 2);
  }
  const options = parsed.data;
  useDatabaseOfRunningApp();
  const { replayEvents } = await import("@/lib/ingest/replay-events");
  const state = options.failed ? "failed" : options.state;
  const result = await replayEvents({
    selection: {
      ...(state ? { state } : {}),
      ...(options.from ? { from: new Date(options.from) } : {}),
      ...(options.to ? { to: new Date(options.to) } : {}),
      ...(options.id ? { ids: options.id.map(BigInt) } : {}),
    },
  });
  console.log(
    `selected ${result.selected}, processed ${result.processed}, failed ${result.failed}, retrying ${result.retrying}`,
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
