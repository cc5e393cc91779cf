// GET /api/media/[id] — a message's stored media file (signed-in users; safe headers, byte ranges)
import { withRoute } from "@/lib/http/with-route";
import { idParamsSchema } from "@/lib/inbox/schemas";
import { getServableMedia } from "@/lib/media/get-servable-media";
import { serveMedia } from "@/lib/media/serve-media";

export const dynamic = "force-dynamic";

export const GET = withRoute(
  {
    role: "agent",
    params: idParamsSchema,
    // The file's row and stat, read while the session is checked: one round trip's wait, not two.
    prefetch: ({ params }) => getServableMedia({ messageId: params.id }),
  },
  async ({ params, prefetched, request }) =>
    serveMedia({
      messageId: params.id,
      media: prefetched,
      range: request.headers.get("range"),
      ifNoneMatch: request.headers.get("if-none-match"),
    }),
);
