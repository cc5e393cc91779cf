// The one error type of the app. `message` is for the log; `userMessage` (when given) is what the
// person using the app reads, and what the API answers in `{ error: { code, message } }`.
export const appErrorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  // A free-form message or reaction after the 24-hour customer service window closed.
  window_closed: 422,
  rate_limited: 429,
  internal: 500,
  // A service the app depends on locally (the sandbox's stand-in) does not answer.
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof appErrorStatus;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;

  constructor(
    code: AppErrorCode,
    { message, userMessage, cause }: { message: string; userMessage?: string; cause?: unknown },
  ) {
    super(message, { cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage ?? message;
  }

  get status(): number {
    return appErrorStatus[this.code];
  }
}

export type ApiErrorBody = { error: { code: AppErrorCode; message: string } };

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
