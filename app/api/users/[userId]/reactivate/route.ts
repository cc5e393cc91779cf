// POST /api/users/[userId]/reactivate — admins let a deactivated user sign in again
import { reactivateUser } from "@/lib/accounts/reactivate-user";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute<"admin", undefined, { userId: string }>(
  { role: "admin" },
  async ({ params, request }) => ({ user: await reactivateUser({ userId: params.userId, headers: request.headers }) }),
);
