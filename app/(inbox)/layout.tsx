import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { getOwnAvailability } from "@/lib/assignment/get-own-availability";
import { requireUser } from "@/lib/auth/session";
import { getSandboxMode } from "@/lib/sandbox/sandbox-mode";

// Every page below checks the session itself too: a layout alone does not guard its pages. No
// loading.tsx at this level: a Suspense boundary above a page would send the 200 before the page's
// requireAdmin() could answer with a real redirect.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const [user, sandbox] = await Promise.all([requireUser(), getSandboxMode()]);
  const availability = await getOwnAvailability({ userId: user.id });
  return (
    <AppShell user={user} availability={availability} sandbox={sandbox.active}>
      {children}
    </AppShell>
  );
}
