import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { getSetupStatus } from "@/lib/accounts/get-setup-status";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in · WhatsApp Inbox" };
export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await getCurrentUser()) redirect("/inbox");
  if ((await getSetupStatus()).open) redirect("/setup");
  return (
    <Card>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">WhatsApp Inbox for your support team.</p>
      <LoginForm />
    </Card>
  );
}
