"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { requestJson } from "@/lib/queries/request-json";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      loading={pending}
      onClick={async () => {
        setPending(true);
        // Whatever the answer, leave: a failed sign-out still lands on /login, which shows the state.
        await requestJson("/api/auth/sign-out", { body: {} });
        window.location.assign("/login");
      }}
    >
      Sign out
    </Button>
  );
}
