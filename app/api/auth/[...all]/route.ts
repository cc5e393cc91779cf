// GET/POST /api/auth/* — better-auth, only the endpoints in lib/auth/http-endpoints.ts (sign-in, sign-out)
import { forwardAuthRequest } from "@/lib/auth/http-endpoints";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

// Our same-origin check runs first (before any body is read); better-auth then applies its own.
// The auth instance is created on the first request, not at import: builds have no database.
const handle = withRoute({ role: "public" }, async ({ request }) => forwardAuthRequest(request));

export { handle as GET, handle as POST };
