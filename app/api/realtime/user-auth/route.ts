// POST /api/realtime/user-auth — sign a Pusher pusher:signin for the signed-in user's socket
import { withRoute } from "@/lib/http/with-route";
import { authenticateRealtimeUser, realtimeUserAuthBodySchema } from "@/lib/realtime/authenticate-user";

export const dynamic = "force-dynamic";

// Form-encoded like channel authorization (pusher-js posts socket_id), so our Origin is required.
export const POST = withRoute(
  { role: "agent", body: realtimeUserAuthBodySchema, bodyFormat: "form" },
  async ({ user, body }) => authenticateRealtimeUser({ user, socketId: body.socket_id }),
);
