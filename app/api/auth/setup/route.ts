// POST /api/auth/setup — first run: creates the first admin while no user exists, then closes
import { assertSetupOpen } from "@/lib/accounts/assert-setup-open";
import { createFirstAdmin } from "@/lib/accounts/create-first-admin";
import { firstAdminBodySchema } from "@/lib/accounts/schemas";
import { AppError } from "@/lib/http/app-error";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute(
  { role: "public", before: assertSetupOpen, body: firstAdminBodySchema },
  async ({ body }) => {
    const outcome = await createFirstAdmin({ ...body, wait: false });
    if (outcome.created) return Response.json({ created: true }, { status: 201 });
    if (outcome.reason === "busy") {
      throw new AppError("conflict", {
        message: "setup attempted while another setup request holds the accounts lock",
        userMessage: "Someone else is completing setup right now. Reload the page in a moment.",
      });
    }
    throw new AppError("forbidden", {
      message: "setup attempted after the first user exists",
      userMessage: "Setup is already complete. Sign in instead.",
    });
  },
);
