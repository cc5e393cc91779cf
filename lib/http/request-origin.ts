import { appUrl, getEnv } from "@/lib/env";

/**
 * The origin a request was sent to (APP_URL when set): links an admin copies from a page should
 * open where that admin reaches the app. Not for mail: a forged Host must not choose a mailed link.
 */
export function requestOrigin(request: Request): string {
  if (getEnv().APP_URL) return appUrl();
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return host ? `${proto}://${host}` : appUrl();
}
