// POST /api/media/[id]/retry — download a message's media file again (after a failure)
import { withRoute } from "@/lib/http/with-route";
import { idParamsSchema } from "@/lib/inbox/schemas";
import { retryMediaDownload } from "@/lib/media/retry-media-download";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "agent", params: idParamsSchema }, async ({ params }) =>
  retryMediaDownload({ messageId: params.id }),
);
