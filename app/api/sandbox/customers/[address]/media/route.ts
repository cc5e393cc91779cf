// POST /api/sandbox/customers/[address]/media — the simulated customer sends a photo, a document or a voice note
import { actAsCustomer } from "@/lib/sandbox/act-as-customer";
import { customerMediaSchema, SANDBOX_MEDIA_MAX_BODY_BYTES, sandboxCustomerParamsSchema } from "@/lib/sandbox/schemas";
import { withSandboxRoute } from "@/lib/sandbox/sandbox-route";

export const POST = withSandboxRoute(
  { params: sandboxCustomerParamsSchema, body: customerMediaSchema, maxBodyBytes: SANDBOX_MEDIA_MAX_BODY_BYTES },
  async ({ params, body }) => actAsCustomer({ address: params.address, action: body }),
);
