// A browser-like HTTP client for integration tests: a cookie jar, the Origin header browsers send
// on non-GET requests, redirects returned rather than followed, and its own client address
// (X-Forwarded-For) so that sign-in throttling of one test never touches another's.
import { randomInt } from "node:crypto";
import { inject } from "vitest";

type RequestOptions = {
  method?: "GET" | "HEAD" | "POST" | "PATCH" | "PUT" | "DELETE";
  json?: unknown;
  /** A raw body, sent as is (for malformed input). */
  body?: string | Uint8Array<ArrayBuffer>;
  /** Extra or overriding headers; a null value removes a default header (e.g. origin). */
  headers?: Record<string, string | null>;
};

export class HttpSession {
  readonly baseUrl: string;
  readonly ip: string;
  private readonly cookies = new Map<string, string>();

  constructor({ baseUrl = inject("baseUrl"), ip = randomTestIp() }: { baseUrl?: string; ip?: string } = {}) {
    this.baseUrl = baseUrl;
    this.ip = ip;
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** A copy of this session's cookies in a new client: the same browser session, replayed. */
  clone(): HttpSession {
    const copy = new HttpSession({ baseUrl: this.baseUrl, ip: this.ip });
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }

  async request(path: string, { method = "GET", json, body, headers = {} }: RequestOptions = {}): Promise<Response> {
    const merged: Record<string, string | null> = {
      "x-forwarded-for": this.ip,
      ...(method !== "GET" ? { origin: this.baseUrl } : {}),
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
      ...(this.cookies.size ? { cookie: this.cookieHeader } : {}),
      ...headers,
    };
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      redirect: "manual",
      headers: Object.fromEntries(
        Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null),
      ),
      body: json === undefined ? body : JSON.stringify(json),
    });
    this.storeCookies(response);
    return response;
  }

  private storeCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** An address from the documentation ranges (RFC 5737), different for every client. */
export function randomTestIp(): string {
  return `198.51.${randomInt(0, 255)}.${randomInt(1, 254)}`;
}
