"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function SignedInError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto w-full max-w-5xl space-y-4 px-4 py-8">
      <Alert tone="error">Something went wrong loading this page. The details are in the server log.</Alert>
      <Button variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
