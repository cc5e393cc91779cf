// GET /api/settings/phone-numbers — our numbers as seen in signed webhooks, with names and WABA ids (admin)
import { withRoute } from "@/lib/http/with-route";
import { findPhoneNumberSettings } from "@/lib/settings/find-phone-number-settings";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "admin" }, async () => ({ phoneNumbers: await findPhoneNumberSettings() }));
