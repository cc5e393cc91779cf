// The failures the simulator can make Meta's side inject into the next send (POST
// /api/sandbox/failures). Pure, shared with the browser.

export const SANDBOX_FAILURES = [
  { id: "undeliverable", label: "Undeliverable (131026)" },
  { id: "token_expired", label: "Access token expired (190)" },
  { id: "media_fetch", label: "Media upload or fetch error (131053)" },
  { id: "timeout", label: "No answer (timeout)" },
] as const;

export type SandboxFailure = (typeof SANDBOX_FAILURES)[number]["id"];

/** What the simulator asks: this failure for the next send to `recipient` (its address), or to anyone (null). */
export type SandboxFailureRequest = { failure: SandboxFailure; recipient: string | null };
