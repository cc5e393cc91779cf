// GET /api/sending-status — whether sending works (paused by Meta's answer, or no access token)
import { withRoute } from "@/lib/http/with-route";
import { getSendingStatus } from "@/lib/outbound/get-sending-status";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async () => getSendingStatus());
