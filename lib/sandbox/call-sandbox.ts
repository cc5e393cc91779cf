import "server-only";
import { AppError } from "@/lib/http/app-error";
import { getSandboxMode } from "./sandbox-mode";
import { CONTROL_PREFIX } from "./control";

const TIMEOUT_MS = 5_000;

/** A call to the stand-in's control API from the app (the customer simulator's routes). */
export async function callSandbox<T>({
  method,
  path,
  body,
}: {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
}): Promise<T> {
  const { available, url } = await getSandboxMode();
  if (!available || !url) throw new AppError("not_found", { message: "The sandbox is off." });
  let response: Response;
  try {
    response = await fetch(`${url}${CONTROL_PREFIX}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new AppError("unavailable", {
      message: `the sandbox at ${url} did not answer`,
      userMessage: "The sandbox is not answering. Restart the app with npm start.",
      cause: error,
    });
  }
  const answer = (await response.json().catch(() => null)) as { error?: string } | null;
  if (response.status === 404) throw new AppError("not_found", { message: answer?.error ?? "Not found." });
  if (response.status === 422) throw new AppError("validation_failed", { message: answer?.error ?? "Invalid." });
  if (!response.ok) throw new AppError("internal", { message: `the sandbox answered ${response.status}` });
  return answer as T;
}
