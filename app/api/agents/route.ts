// GET /api/agents — active users a conversation can be assigned to, by name
import { withRoute } from "@/lib/http/with-route";
import { findAgents } from "@/lib/inbox/find-agents";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async () => ({ agents: await findAgents() }));
