import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SandboxClient } from "@/components/sandbox/sandbox-client";
import { requireUser } from "@/lib/auth/session";
import { getSandboxMode } from "@/lib/sandbox/sandbox-mode";

export const metadata: Metadata = { title: "Customer simulator · WhatsApp Inbox" };

// The customer's side of the sandbox: every simulated customer's phone. Not there at all (404)
// unless the sandbox is available (README → Sandbox).
export default async function SandboxPage() {
  await requireUser();
  if (!(await getSandboxMode()).available) notFound();
  return <SandboxClient />;
}
