// GET /api/messages/[id] — one thread message with its quote and reactions
import { withRoute } from "@/lib/http/with-route";
import { getThreadMessageOrThrow } from "@/lib/inbox/get-thread-message-or-throw";
import { idParamsSchema } from "@/lib/inbox/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent", params: idParamsSchema }, async ({ params }) => ({
  message: await getThreadMessageOrThrow({ id: params.id }),
}));
