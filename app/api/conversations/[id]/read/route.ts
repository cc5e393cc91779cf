// POST /api/conversations/[id]/read — the signed-in agent has read the conversation up to now
import { withRoute } from "@/lib/http/with-route";
import { markConversationRead } from "@/lib/inbox/mark-conversation-read";
import { idParamsSchema } from "@/lib/inbox/schemas";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "agent", params: idParamsSchema }, async ({ params, user }) => ({
  conversation: await markConversationRead({ id: params.id, userId: user.id }),
}));
