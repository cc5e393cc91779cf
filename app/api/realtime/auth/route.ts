// POST /api/realtime/auth — sign a Pusher private/presence channel subscription for a signed-in user
import { withRoute } from "@/lib/http/with-route";
import { authorizeRealtimeChannel, realtimeAuthBodySchema } from "@/lib/realtime/authorize-channel";

export const dynamic = "force-dynamic";

// pusher-js posts `socket_id` and `channel_name` form-encoded (not JSON), from the app's own page
// and with its cookies: bodyFormat "form" accepts that body and requires our own Origin instead.
export const POST = withRoute(
  { role: "agent", body: realtimeAuthBodySchema, bodyFormat: "form" },
  async ({ user, body }) =>
    authorizeRealtimeChannel({ user, socketId: body.socket_id, channelName: body.channel_name }),
);
