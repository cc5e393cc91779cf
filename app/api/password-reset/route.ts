// POST /api/password-reset — public: a reset link's token and a new password ({ token, password })
import { resetPasswordWithToken } from "@/lib/accounts/reset-password-with-token";
import { resetPasswordBodySchema } from "@/lib/accounts/schemas";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "public", body: resetPasswordBodySchema }, async ({ body }) => ({
  reset: await resetPasswordWithToken(body),
}));
