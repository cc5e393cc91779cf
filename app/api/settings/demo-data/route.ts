// GET /api/settings/demo-data — what the sandbox demo left: its numbers, conversations, messages, contacts, templates (admin)
// DELETE — delete exactly that, audited; 404 when there is none (admin)
import { deleteDemoData } from "@/lib/demo/delete-demo-data";
import { getDemoData } from "@/lib/demo/get-demo-data";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "admin" }, async () => ({ demo: await getDemoData() }));

export const DELETE = withRoute({ role: "admin" }, async ({ user }) => ({ deleted: await deleteDemoData({ user }) }));
