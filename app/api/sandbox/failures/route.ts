// POST /api/sandbox/failures — the simulator makes Meta's side fail the next send (to one customer or anyone)
import { injectFailure, sandboxFailureSchema } from "@/lib/sandbox/inject-failure";
import { withSandboxRoute } from "@/lib/sandbox/sandbox-route";

export const POST = withSandboxRoute({ body: sandboxFailureSchema }, async ({ body }) => injectFailure(body));
