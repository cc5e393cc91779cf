// POST /api/users/[userId]/reactivate — admins let a deactivated user sign in again
import { reactivateUser } from "@/lib/accounts/reactivate-user";
import { userIdParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "admin", params: userIdParamsSchema }, async ({ params, request, user }) => ({
  user: await reactivateUser({ userId: params.userId, actor: user, headers: request.headers }),
}));
