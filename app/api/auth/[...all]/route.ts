// GET/POST /api/auth/* — better-auth: sign-in, sign-out, session (its own Origin check guards them)
import { getAuth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

// The auth instance is created on the first request, not at import: builds have no database.
const handle = (request: Request) => getAuth().handler(request);

export { handle as GET, handle as POST };
