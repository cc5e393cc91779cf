import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Choose a new password · WhatsApp Inbox" };

// Public: the token travels in the URL's #fragment, which browsers never send to the server (so it
// stays out of access logs and Referer headers); the form reads it and posts it.
export default function ResetPasswordPage() {
  return (
    <Card>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Then sign in with it. Every device signed in with the old password is signed out.
      </p>
      <ResetPasswordForm />
    </Card>
  );
}
