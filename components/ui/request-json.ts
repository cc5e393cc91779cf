// Browser-side JSON calls to this app's API: one place that turns any answer into data or a
// message a person can read (the API's `{ error: { message } }`, better-auth's `{ message }`).
export type JsonResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string };

export async function requestJson<T>(
  url: string,
  { method = "POST", body }: { method?: "GET" | "POST" | "PATCH" | "DELETE"; body?: unknown } = {},
): Promise<JsonResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
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
