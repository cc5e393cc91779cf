// The browser's one way to call this app's API: every answer becomes data or a message a person
// can read (the API's `{ error: { message } }`, better-auth's `{ message }`).
export type JsonResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string };

export async function requestJson<T>(
  url: string,
  {
    method = "POST",
    body,
    file,
    signal,
  }: {
    method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
    body?: unknown;
    /** A file as the raw body (its own Content-Type), described by extra headers; instead of `body`. */
    file?: { blob: Blob; headers: Record<string, string> };
    signal?: AbortSignal;
  } = {},
): Promise<JsonResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: "application/json",
        ...(file
          ? { "content-type": file.blob.type || "application/octet-stream", ...file.headers }
          : body === undefined
            ? {}
            : { "content-type": "application/json" }),
      },
      body: file ? file.blob : body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    return { ok: false, status: 0, message: "Could not reach the server. Check your connection and try again." };
  }
  const payload = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, status: response.status, data: payload as T };
  const message =
    (payload as { error?: { message?: string } } | null)?.error?.message ??
    (payload as { message?: string } | null)?.message ??
    `The server answered ${response.status}.`;
  return { ok: false, status: response.status, message };
}

/** A failed request as react-query sees it: the API's message, and the status for error states. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** GET for react-query: the data, or an ApiRequestError carrying the API's own message. */
export async function fetchJson<T>(url: string, { signal }: { signal?: AbortSignal } = {}): Promise<T> {
  const result = await requestJson<T>(url, { method: "GET", signal });
  // The session ended (signed out elsewhere, deactivated): the sign-in page, not a dead-end error.
  if (!result.ok && result.status === 401 && typeof window !== "undefined") window.location.assign("/login");
  if (!result.ok) throw new ApiRequestError(result.message, result.status);
  return result.data;
}
