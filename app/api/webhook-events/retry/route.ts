// POST /api/webhook-events/retry — re-process failed webhook events (admin)
import { z } from "zod";
import { withRoute } from "@/lib/http/with-route";
import { retryFailedEvents } from "@/lib/ingest/retry-failed-events";

export const dynamic = "force-dynamic";

const retryFailedEventsBodySchema = z.object({
  ids: z
    .array(z.string().regex(/^\d{1,19}$/, "event ids are numbers"))
    .min(1)
    .max(1000)
    .optional()
    .describe("Omit to retry every failed event"),
});

export const POST = withRoute(
  { role: "admin", body: retryFailedEventsBodySchema, maxBodyBytes: 64 * 1024 },
  ({ body }) => retryFailedEvents({ ids: body.ids?.map(BigInt) }),
);
