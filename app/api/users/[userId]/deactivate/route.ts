// POST /api/users/[userId]/deactivate — admins deactivate a user; their sessions end at once
import { deactivateUser } from "@/lib/accounts/deactivate-user";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute<"admin", undefined, { userId: string }>(
  { role: "admin" },
  async ({ params, user, request }) => ({
    user: await deactivateUser({ userId: params.userId, actor: user, headers: request.headers }),
  }),
);
