import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requireUser } from "@/lib/auth/session";

// Every page below checks the session itself too: a layout alone does not guard its pages. No
// loading.tsx at this level: a Suspense boundary above a page would send the 200 before the page's
// requireAdmin() could answer with a real redirect.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}
