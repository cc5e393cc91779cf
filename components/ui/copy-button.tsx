"use client";

import { useState } from "react";
import { Button } from "./button";

/** Copies `value` to the clipboard and says so (politely announced). */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setState("copied");
        } catch {
          // No clipboard permission (e.g. plain http on another host): the text stays selectable.
          setState("failed");
        }
        setTimeout(() => setState("idle"), 2_000);
      }}
    >
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Select and copy" : label}</span>
    </Button>
  );
}
