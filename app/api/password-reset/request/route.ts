// POST /api/password-reset/request — public "Forgot password?" ({ email }): the same answer for any email
import { after } from "next/server";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { requestPasswordResetBodySchema } from "@/lib/accounts/schemas";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "public", body: requestPasswordResetBodySchema }, async ({ body }) =>
  requestPasswordReset({ email: body.email, defer: (work) => after(work) }),
);
