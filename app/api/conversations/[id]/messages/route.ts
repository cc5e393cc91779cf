// GET /api/conversations/[id]/messages — a page of the thread (oldest first), older pages by ?before=
import { withRoute } from "@/lib/http/with-route";
import { findThreadMessages } from "@/lib/inbox/find-thread-messages";
import { findThreadMessagesQuerySchema, idParamsSchema, searchParamsOf } from "@/lib/inbox/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute<"agent", undefined, { id: string }>({ role: "agent" }, async ({ params, request }) =>
  findThreadMessages({
    conversationId: idParamsSchema.parse(params).id,
    query: findThreadMessagesQuerySchema.parse(searchParamsOf(request)),
  }),
);
