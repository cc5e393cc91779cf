import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your profile · WhatsApp Inbox" };

export default async function ProfilePage() {
  const user = await requireUser();
  return (
    <div className="mx-auto w-full max-w-2xl space-y-8 px-4 py-8">
      <div>
        <h1 className="text-xl font-semibold">Your profile</h1>
        <p className="mt-1 text-sm text-slate-600">
          You sign in as <span className="font-medium text-slate-900">{user.email}</span>
          {user.role === "admin" ? " (admin)" : ""}. Only an admin can change the email.
        </p>
      </div>
      <Card>
        <ProfileForm name={user.name} />
      </Card>
      <Card>
        <ChangePasswordForm email={user.email} />
      </Card>
    </div>
  );
}
