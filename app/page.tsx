import { redirect } from "next/navigation";
import { getSetupStatus } from "@/lib/accounts/get-setup-status";
import { getCurrentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The front door: signed-in → inbox, first run → setup, otherwise → sign-in. */
export default async function HomePage() {
  if (await getCurrentUser()) redirect("/inbox");
  if ((await getSetupStatus()).open) redirect("/setup");
  redirect("/login");
}
