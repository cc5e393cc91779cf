// GET/PATCH /api/users/me — the signed-in user (id, email, name, role); change one's own name
import { updateProfileBodySchema } from "@/lib/accounts/schemas";
import { updateOwnProfile } from "@/lib/accounts/update-own-profile";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async ({ user }) => ({ user }));

export const PATCH = withRoute({ role: "agent", body: updateProfileBodySchema }, async ({ user, body, request }) => ({
  user: await updateOwnProfile({ user, body, headers: request.headers }),
}));
