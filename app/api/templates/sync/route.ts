// POST /api/templates/sync — read every WABA's templates from Meta now, and apply stored template webhooks (admin)
import { withRoute } from "@/lib/http/with-route";
import { syncTemplates } from "@/lib/templates/sync-templates";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "admin" }, async () => syncTemplates());
