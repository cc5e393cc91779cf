// POST /api/settings/whatsapp/test-connection — GET /{phone-number-id} on the Graph API with the saved token (admin)
import { withRoute } from "@/lib/http/with-route";
import { testConnectionBodySchema } from "@/lib/settings/schemas";
import { testWhatsAppConnection } from "@/lib/settings/test-whatsapp-connection";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "admin", body: testConnectionBodySchema }, async ({ body }) => ({
  result: await testWhatsAppConnection(body),
}));
