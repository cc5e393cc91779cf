// POST /api/sandbox/customers/[address]/read — the simulated customer opens the chat (read receipts)
import { readAsCustomer } from "@/lib/sandbox/read-as-customer";
import { sandboxCustomerParamsSchema } from "@/lib/sandbox/schemas";
import { withSandboxRoute } from "@/lib/sandbox/sandbox-route";

export const POST = withSandboxRoute({ params: sandboxCustomerParamsSchema }, async ({ params }) =>
  readAsCustomer({ address: params.address }),
);
