// GET /api/users/me — the signed-in user (id, email, name, role)
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async ({ user }) => ({ user }));
