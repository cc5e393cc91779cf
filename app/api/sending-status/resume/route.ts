// POST /api/sending-status/resume — an admin lifts a pause; queued messages go out again
import { withRoute } from "@/lib/http/with-route";
import { resumeSending } from "@/lib/outbound/resume-sending";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "admin" }, async ({ user }) => resumeSending({ actor: user }));
