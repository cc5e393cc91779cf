// POST /api/auth/setup — first run: creates the first admin while no user exists, then closes
import { createFirstAdmin } from "@/lib/accounts/create-first-admin";
import { firstAdminBodySchema } from "@/lib/accounts/schemas";
import { AppError } from "@/lib/http/app-error";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "public", body: firstAdminBodySchema }, async ({ body }) => {
  const { created } = await createFirstAdmin(body);
  if (!created) {
    throw new AppError("forbidden", {
      message: "setup attempted after the first user exists",
      userMessage: "Setup is already complete. Sign in instead.",
    });
  }
  return Response.json({ created: true }, { status: 201 });
});
