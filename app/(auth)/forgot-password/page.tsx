import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card } from "@/components/ui/card";
import { isMailConfigured } from "@/lib/mail/send-mail";

export const metadata: Metadata = { title: "Forgot password · WhatsApp Inbox" };
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return (
    <Card>
      <h1 className="text-xl font-semibold">Forgot your password?</h1>
      {isMailConfigured() ? (
        <>
          <p className="mt-1 mb-6 text-sm text-slate-600">
            Enter the email you sign in with. If it has an account, a link to choose a new password arrives in a minute;
            it works once, for an hour.
          </p>
          <ForgotPasswordForm />
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-700">
          Ask an admin of this inbox for a reset link: on <strong>Settings → Users</strong> they choose{" "}
          <strong>Reset password</strong> next to your name and hand you the link. (This server sends no mail: its
          operator has not set <code>SMTP_URL</code>.)
        </p>
      )}
      <Link href="/login" className="mt-6 inline-block text-sm font-medium text-emerald-800 underline">
        Back to sign in
      </Link>
    </Card>
  );
}
