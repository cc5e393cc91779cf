// GET /api/conversations/counts — how many conversations each list tab holds (?phoneNumberId= for one number)
import { withRoute } from "@/lib/http/with-route";
import { getConversationCounts } from "@/lib/inbox/get-conversation-counts";
import { conversationCountsQuerySchema, searchParamsOf } from "@/lib/inbox/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async ({ request, user }) =>
  getConversationCounts({
    userId: user.id,
    phoneNumberId: conversationCountsQuerySchema.parse(searchParamsOf(request)).phoneNumberId,
  }),
);
