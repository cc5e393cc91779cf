// POST /api/conversations/[id]/media — an agent's attachment: the file as the raw body (its own
// Content-Type), with X-Client-Id and optional percent-encoded X-File-Name and X-Caption headers.
// Recorded and queued for sending (201), or the one this clientId made (200); 413/415 for a file
// WhatsApp refuses, 422 for a closed window or a bad header.
import { withRoute } from "@/lib/http/with-route";
import { idParamsSchema } from "@/lib/inbox/schemas";
import { sendMediaHeadersOf, sendMediaHeadersSchema } from "@/lib/outbound/schemas";
import { sendMedia } from "@/lib/outbound/send-media";

export const dynamic = "force-dynamic";

export const POST = withRoute(
  { role: "agent", params: idParamsSchema, bodyFormat: "raw" },
  async ({ params, request, user }) => {
    const headers = sendMediaHeadersSchema.parse(sendMediaHeadersOf(request.headers));
    const { message, created } = await sendMedia({
      conversationId: params.id,
      author: user,
      headers,
      body: request.body,
    });
    return Response.json({ message }, { status: created ? 201 : 200 });
  },
);
