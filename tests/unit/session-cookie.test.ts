// The media route's session cookie check against better-auth's own signing: what better-auth
// signs is taken, anything else is not (the server-side parity is in media-download.test.ts).
import { makeSignature } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { verifiedSessionToken } from "@/lib/auth/session-cookie";

const NAME = "inbox.session_token";
const SECRET = "unit-test-secret-of-at-least-32-characters";
const TOKEN = "bGZ3VloTZVlvEd6fVjSUxk0N7o2gawjj";
/** The cookie value as better-auth sets it (better-call's signCookieValue). */
const signed = async (token: string, secret = SECRET) =>
  encodeURIComponent(`${token}.${await makeSignature(token, secret)}`);

describe("verifiedSessionToken", () => {
  it("takes the token better-auth signed, wherever the cookie sits in the header", async () => {
    const value = await signed(TOKEN);
    expect(verifiedSessionToken(`${NAME}=${value}`, NAME, SECRET)).toBe(TOKEN);
    expect(verifiedSessionToken(`theme=dark;  ${NAME}=${value} ; other=1`, NAME, SECRET)).toBe(TOKEN);
    expect(verifiedSessionToken(`${NAME}="${value}"`, NAME, SECRET)).toBe(TOKEN);
  });

  it("refuses a missing cookie, another cookie's name, and a token without its signature", async () => {
    const value = await signed(TOKEN);
    expect(verifiedSessionToken(undefined, NAME, SECRET)).toBeNull();
    expect(verifiedSessionToken("", NAME, SECRET)).toBeNull();
    expect(verifiedSessionToken(`__Secure-${NAME}=${value}`, NAME, SECRET)).toBeNull();
    expect(verifiedSessionToken(`x${NAME}=${value}`, NAME, SECRET)).toBeNull();
    expect(verifiedSessionToken(`${NAME}=${TOKEN}`, NAME, SECRET)).toBeNull();
    expect(verifiedSessionToken(`${NAME}=.${value}`, NAME, SECRET)).toBeNull();
  });

  it("refuses another secret's signature, another token under this signature, and a reshaped signature", async () => {
    expect(verifiedSessionToken(`${NAME}=${await signed(TOKEN, "another-secret")}`, NAME, SECRET)).toBeNull();
    const signature = await makeSignature(TOKEN, SECRET);
    expect(verifiedSessionToken(`${NAME}=${encodeURIComponent(`${TOKEN}x.${signature}`)}`, NAME, SECRET)).toBeNull();
    // The same bytes in base64url, or without the padding: better-auth's check takes neither.
    let reshaped = 0;
    for (let index = 0; reshaped < 3; index += 1) {
      const token = `${TOKEN}${index}`;
      const sig = await makeSignature(token, SECRET);
      const urlSafe = sig.replaceAll("+", "-").replaceAll("/", "_");
      expect(verifiedSessionToken(`${NAME}=${token}.${sig.slice(0, -1)}`, NAME, SECRET)).toBeNull();
      if (urlSafe === sig) continue;
      reshaped += 1;
      expect(verifiedSessionToken(`${NAME}=${encodeURIComponent(`${token}.${sig}`)}`, NAME, SECRET)).toBe(token);
      expect(verifiedSessionToken(`${NAME}=${token}.${urlSafe}`, NAME, SECRET)).toBeNull();
    }
  });

  it("reads the first cookie of the name, as better-auth does", async () => {
    const good = await signed(TOKEN);
    const forged = `${TOKEN}.${"A".repeat(43)}=`;
    expect(verifiedSessionToken(`${NAME}=${forged}; ${NAME}=${good}`, NAME, SECRET)).toBeNull();
    expect(verifiedSessionToken(`${NAME}=${good}; ${NAME}=${forged}`, NAME, SECRET)).toBe(TOKEN);
  });
});
