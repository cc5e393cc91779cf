// POST /api/media/uploads — a file for a template's media header, as the raw body (its own
// Content-Type, Content-Length, optional percent-encoded X-File-Name). Stored by sha256 and
// described (201); the template send then names it (headerMedia). 413/415 for what WhatsApp refuses.
import { withRoute } from "@/lib/http/with-route";
import { mediaUploadHeadersSchema, sendMediaHeadersOf } from "@/lib/outbound/schemas";
import { uploadHeaderMedia } from "@/lib/outbound/upload-header-media";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "agent", bodyFormat: "raw" }, async ({ request }) => {
  const headers = mediaUploadHeadersSchema.parse(sendMediaHeadersOf(request.headers));
  const upload = await uploadHeaderMedia({ headers, body: request.body });
  return Response.json({ upload }, { status: 201 });
});
