import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { Card } from "@/components/ui/card";
import { getSetupStatus } from "@/lib/accounts/get-setup-status";

export const metadata: Metadata = { title: "Set up · WhatsApp Inbox" };
export const dynamic = "force-dynamic";

/** Open only while no user exists; afterwards it sends everyone to sign-in (POST is refused too). */
export default async function SetupPage() {
  if (!(await getSetupStatus()).open) redirect("/login");
  return (
    <Card>
      <h1 className="text-xl font-semibold">Welcome</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Create the first admin account. You can add your team&apos;s agents next.
      </p>
      <SetupForm />
    </Card>
  );
}
