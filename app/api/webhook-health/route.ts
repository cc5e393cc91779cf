// GET /api/webhook-health — what the webhook endpoint saw (admin)
import { getWebhookHealth } from "@/lib/ingest/get-webhook-health";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "admin" }, () => getWebhookHealth());
