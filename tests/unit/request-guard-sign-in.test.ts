// A sign-in flood from an address already over its limit is refused at the socket: the same 429
// better-auth gives, without the request ever reaching the server's handler (Next, in the app).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressKey, rememberBlocked, SIGN_IN_WINDOW_MS } from "../../lib/auth/blocked-addresses";
import { installRequestGuard } from "../../lib/http/request-guard";

let server: Server;
let url: string;
const handled: string[] = [];

beforeAll(async () => {
  installRequestGuard({ kind: "none" });
  server = createServer((request, response) => {
    handled.push(`${request.method} ${request.url}`);
    request.resume();
    response.end("handled");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const signIn = (path = "/api/auth/sign-in/email") =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "someone@example.com", password: "guess" }),
  });

describe("the request guard and sign-ins from a blocked address", () => {
  it("answers 429 with the throttle's message and Retry-After, before the handler", async () => {
    handled.length = 0;
    rememberBlocked(addressKey("127.0.0.1"), new Date(Date.now() - 60_000));
    const response = await signIn();
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(SIGN_IN_WINDOW_MS / 1000 - 120);
    expect(await response.json()).toEqual({
      code: "TOO_MANY_SIGN_IN_ATTEMPTS",
      message: "Too many sign-in attempts from this network. Try again in 14 minutes.",
    });
    expect((await signIn("/api/auth/sign-in/email?from=login")).status).toBe(429);
    // Other requests from the same address still reach the app (signing out, reading a page).
    expect((await signIn("/api/auth/sign-in/emails")).status).toBe(200);
    expect((await signIn("/api/auth/sign-out")).status).toBe(200);
    expect((await fetch(`${url}/api/auth/sign-in/email`)).status).toBe(200);
    expect(handled).toEqual([
      "POST /api/auth/sign-in/emails",
      "POST /api/auth/sign-out",
      "GET /api/auth/sign-in/email",
    ]);
  });

  it("lets the address sign in again once its window has ended", async () => {
    handled.length = 0;
    rememberBlocked(addressKey("127.0.0.1"), new Date(Date.now() - SIGN_IN_WINDOW_MS - 1_000));
    const response = await signIn();
    expect(response.status).toBe(200);
    expect(handled).toEqual(["POST /api/auth/sign-in/email"]);
  });
});
