// GET /api/phone-numbers — our WhatsApp numbers, for the inbox's number filter (any signed-in user)
import { withRoute } from "@/lib/http/with-route";
import { findInboxPhoneNumbers } from "@/lib/inbox/find-inbox-phone-numbers";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "agent" }, async () => ({ phoneNumbers: await findInboxPhoneNumbers() }));
