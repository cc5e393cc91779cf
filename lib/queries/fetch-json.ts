// GET helper for react-query: data, or an Error carrying the API's own message (shown in error states).
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

export async function fetchJson<T>(url: string, { signal }: { signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", signal, headers: { accept: "application/json" } });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiRequestError("Could not reach the server. Check your connection.", 0);
  }
  const payload = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return payload as T;
  const message =
    (payload as { error?: { message?: string } } | null)?.error?.message ?? `The server answered ${response.status}.`;
  throw new ApiRequestError(message, response.status);
}
