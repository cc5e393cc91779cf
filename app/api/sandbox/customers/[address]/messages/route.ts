// POST /api/sandbox/customers/[address]/messages — the simulated customer writes, taps or reacts
import { actAsCustomer } from "@/lib/sandbox/act-as-customer";
import { customerActionSchema } from "@/lib/sandbox/schemas";
import { sandboxCustomerParamsSchema } from "@/lib/sandbox/schemas";
import { withSandboxRoute } from "@/lib/sandbox/sandbox-route";

export const POST = withSandboxRoute(
  { params: sandboxCustomerParamsSchema, body: customerActionSchema },
  async ({ params, body }) => actAsCustomer({ address: params.address, action: body }),
);
