// POST /api/conversations/[id]/reactions — react to a customer's message ("" removes our reaction)
import { withRoute } from "@/lib/http/with-route";
import { idParamsSchema } from "@/lib/inbox/schemas";
import { sendReactionBodySchema } from "@/lib/outbound/schemas";
import { sendReaction } from "@/lib/outbound/send-reaction";

export const dynamic = "force-dynamic";

export const POST = withRoute(
  { role: "agent", params: idParamsSchema, body: sendReactionBodySchema },
  async ({ params, body }) => ({
    message: await sendReaction({ conversationId: params.id, body }),
  }),
);
