// POST /api/users/[userId]/password-reset — admins make a one-time reset link (1 hour), answered once
import { createPasswordResetLink } from "@/lib/accounts/create-password-reset-link";
import { requestOrigin } from "@/lib/http/request-origin";
import { userIdParamsSchema } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "admin", params: userIdParamsSchema }, async ({ params, user, request }) =>
  Response.json(
    { reset: await createPasswordResetLink({ userId: params.userId, actor: user, baseUrl: requestOrigin(request) }) },
    // The link is a credential: no cache may keep a copy.
    { status: 201, headers: { "cache-control": "no-store" } },
  ),
);
