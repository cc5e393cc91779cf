// GET/POST /api/users — admins list users and create agents or admins
import { createUser } from "@/lib/accounts/create-user";
import { findUsers } from "@/lib/accounts/find-users";
import { createUserBodySchema } from "@/lib/accounts/schemas";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ role: "admin" }, async () => ({ users: await findUsers() }));

export const POST = withRoute({ role: "admin", body: createUserBodySchema }, async ({ body, request, user }) =>
  Response.json({ user: await createUser({ body, actor: user, headers: request.headers }) }, { status: 201 }),
);
