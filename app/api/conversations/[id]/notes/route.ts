// POST /api/conversations/[id]/notes — a private note for the team (201), or the one this clientId made (200)
import { withRoute } from "@/lib/http/with-route";
import { idParamsSchema } from "@/lib/inbox/schemas";
import { createNote } from "@/lib/notes/create-note";
import { createNoteBodySchema } from "@/lib/notes/schemas";

export const dynamic = "force-dynamic";

export const POST = withRoute(
  { role: "agent", params: idParamsSchema, body: createNoteBodySchema },
  async ({ params, body, user }) => {
    const { message, created } = await createNote({ conversationId: params.id, author: user, body });
    return Response.json({ message }, { status: created ? 201 : 200 });
  },
);
