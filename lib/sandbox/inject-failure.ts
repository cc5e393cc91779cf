import "server-only";
import { z } from "zod";
import { SANDBOX_FAILURES, type SandboxFailure, type SandboxFailureRequest } from "@/lib/views/sandbox-failures";
import { callSandbox } from "./call-sandbox";
import { EXPIRED_TOKEN_ERROR } from "./graph-errors";
import type { SandboxSendBehaviour } from "./graph-api";

export const sandboxFailureSchema: z.ZodType<SandboxFailureRequest> = z.object({
  failure: z.enum(SANDBOX_FAILURES.map((failure) => failure.id) as [SandboxFailure, ...SandboxFailure[]]),
  recipient: z.string().min(3).max(200).nullable(),
});

// As Meta answers each (support/error-codes): 131026 and 131053 by a failed status webhook after
// accepting the send, 190 at once with 401, a timeout with no answer at all.
const BEHAVIOURS: Record<SandboxFailure, SandboxSendBehaviour> = {
  undeliverable: { fail: 131026 },
  token_expired: { error: { status: 401, ...EXPIRED_TOKEN_ERROR } },
  media_fetch: { fail: 131053 },
  timeout: { hang: true },
};

/** The next send (to this customer, or to anyone) fails as asked: a rule on the stand-in's control API. */
export async function injectFailure({ failure, recipient }: SandboxFailureRequest): Promise<{ armed: true }> {
  await callSandbox({
    method: "POST",
    path: "/rules",
    body: { ...(recipient ? { recipient } : {}), times: 1, behaviour: BEHAVIOURS[failure] },
  });
  return { armed: true };
}
