// GET /api/realtime/config — the public pusher-js settings for the browser (key, host, port; never the secret)
import { requestHostOf } from "@/lib/http/forwarding";
import { withRoute } from "@/lib/http/with-route";
import { getRealtimeClientConfig } from "@/lib/realtime/server";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async ({ request }) => {
  const host = requestHostOf(request.headers);
  let requestHostname: string | null = null;
  try {
    requestHostname = host ? new URL(`http://${host}`).hostname : null;
  } catch {
    requestHostname = null;
  }
  return { realtime: getRealtimeClientConfig({ requestHostname }) };
});
