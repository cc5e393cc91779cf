import "server-only";
import { AppError } from "@/lib/http/app-error";
import { getSetupStatus } from "./get-setup-status";

/** Refuses /api/auth/setup once a user exists — before its body is read, so a closed setup costs nothing. */
export async function assertSetupOpen(): Promise<void> {
  if ((await getSetupStatus()).open) return;
  throw new AppError("forbidden", {
    message: "setup attempted after the first user exists",
    userMessage: "Setup is already complete. Sign in instead.",
  });
}
