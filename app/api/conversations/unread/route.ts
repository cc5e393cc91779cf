// GET /api/conversations/unread — how many conversations the signed-in agent has not read (tab title)
import { withRoute } from "@/lib/http/with-route";
import { getUnreadSummary } from "@/lib/inbox/get-unread-summary";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async ({ user }) => getUnreadSummary({ userId: user.id }));
