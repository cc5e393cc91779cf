// POST /api/users/me/password — change one's own password ({ currentPassword, newPassword }); other sessions and sockets end
import { after } from "next/server";
import { changeOwnPassword } from "@/lib/accounts/change-own-password";
import { changePasswordBodySchema } from "@/lib/accounts/schemas";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const POST = withRoute({ role: "agent", body: changePasswordBodySchema }, async ({ user, body, request }) => {
  await changeOwnPassword({ user, body, headers: request.headers, defer: (work) => after(work) });
  return { changed: true };
});
