/**
 * The client address for throttling. Next.js fills X-Forwarded-For with the socket address when
 * the request has none; behind a reverse proxy the proxy appends the address it saw, so the last
 * entry is the one a client cannot choose. (Exposed directly, a client can still claim any address:
 * deploy behind a proxy that sets X-Forwarded-For.)
 */
export function clientIp(headers: Headers | undefined | null): string {
  const forwarded = headers?.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers?.get("x-real-ip")?.trim() || "unknown";
}
