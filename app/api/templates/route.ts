// GET /api/templates — message templates (?phoneNumberId= those one number can send); agents see the enabled ones
import { withRoute } from "@/lib/http/with-route";
import { searchParamsOf } from "@/lib/inbox/schemas";
import { findTemplates } from "@/lib/templates/find-templates";
import { findTemplatesQuerySchema } from "@/lib/templates/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async ({ request, user }) =>
  findTemplates({ ...findTemplatesQuerySchema.parse(searchParamsOf(request)), role: user.role }),
);
