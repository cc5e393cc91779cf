// GET /api/media/[id] — a message's stored media file (signed-in users; safe headers, byte ranges)
import { withRoute } from "@/lib/http/with-route";
import { idParamsSchema } from "@/lib/inbox/schemas";
import { serveMedia } from "@/lib/media/serve-media";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent", params: idParamsSchema }, async ({ params, request }) =>
  serveMedia({ messageId: params.id, range: request.headers.get("range") }),
);
