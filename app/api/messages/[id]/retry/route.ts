// POST /api/messages/[id]/retry — a failed or unconfirmed message sent again as a new message
import { withRoute } from "@/lib/http/with-route";
import { idParamsSchema } from "@/lib/inbox/schemas";
import { retryMessage } from "@/lib/outbound/retry-message";
import { retryMessageBodySchema } from "@/lib/outbound/schemas";

export const dynamic = "force-dynamic";

export const POST = withRoute(
  { role: "agent", params: idParamsSchema, body: retryMessageBodySchema },
  async ({ params, body, user }) => {
    const { message, created } = await retryMessage({ messageId: params.id, author: user, body });
    return Response.json({ message }, { status: created ? 201 : 200 });
  },
);
