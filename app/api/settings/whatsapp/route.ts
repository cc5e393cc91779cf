// GET/PATCH /api/settings/whatsapp — the WhatsApp connection settings (admin; secrets masked)
import { withRoute } from "@/lib/http/with-route";
import { getWhatsAppSettings } from "@/lib/settings/get-whatsapp-settings";
import { updateWhatsAppSettingBodySchema } from "@/lib/settings/schemas";
import { updateWhatsAppSetting } from "@/lib/settings/update-whatsapp-setting";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "admin" }, async () => ({ settings: await getWhatsAppSettings() }));

export const PATCH = withRoute({ role: "admin", body: updateWhatsAppSettingBodySchema }, async ({ body, user }) => ({
  settings: await updateWhatsAppSetting({ body, actor: user }),
}));
