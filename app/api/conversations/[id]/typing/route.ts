// POST /api/conversations/[id]/typing — the agent started replying: read receipt + typing indicator
import { withRoute } from "@/lib/http/with-route";
import { idParamsSchema } from "@/lib/inbox/schemas";
import { startTyping } from "@/lib/outbound/start-typing";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "agent", params: idParamsSchema }, async ({ params }) =>
  startTyping({ conversationId: params.id }),
);
