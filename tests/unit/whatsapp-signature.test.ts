import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { signPayload, verifySignature } from "@/lib/whatsapp/signature";

const SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const raw = readFileSync(new URL("../fixtures/meta/text-message.json", import.meta.url));
const bytes = new Uint8Array(raw);

describe("signPayload", () => {
  it("matches the published HMAC-SHA256 test vector", () => {
    expect(signPayload("The quick brown fox jumps over the lazy dog", "key")).toBe(
      "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
    );
  });

  it("hashes a string and its UTF-8 bytes identically", () => {
    const text = "café ☕ <b>";
    expect(signPayload(text, SECRET)).toBe(signPayload(new TextEncoder().encode(text), SECRET));
  });
});

describe("verifySignature", () => {
  const header = signPayload(bytes, SECRET);

  it("accepts Meta's escaped-unicode bytes signed with the app secret", () => {
    // The fixture is what Meta puts on the wire: escaped "é", "\/" and surrogate-pair emoji.
    expect(raw.toString("latin1")).toContain("caf\\u00e9");
    expect(raw.toString("latin1")).toContain("12\\/345");
    expect(verifySignature({ body: bytes, header, appSecret: SECRET })).toBe(true);
  });

  it("rejects the same payload re-serialised with JSON.stringify", () => {
    const reserialised = new TextEncoder().encode(JSON.stringify(JSON.parse(raw.toString("utf8"))));
    expect(JSON.parse(new TextDecoder().decode(reserialised))).toEqual(JSON.parse(raw.toString("utf8")));
    expect(verifySignature({ body: reserialised, header, appSecret: SECRET })).toBe(false);
  });

  it("rejects a body changed by a single byte", () => {
    const tampered = new Uint8Array(bytes);
    const index = raw.indexOf("1718035200");
    tampered[index] = "2".charCodeAt(0);
    expect(verifySignature({ body: tampered, header, appSecret: SECRET })).toBe(false);
  });

  it("rejects a signature made with another secret (e.g. the access token)", () => {
    const other = signPayload(bytes, "EAAGm0PX4ZCpsBAMZAccessTokenLookingThing");
    expect(verifySignature({ body: bytes, header: other, appSecret: SECRET })).toBe(false);
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["bare prefix", "sha256="],
    ["sha1 prefix", header.replace("sha256=", "sha1=")],
    ["uppercase prefix", header.replace("sha256=", "SHA256=")],
    ["no prefix", header.slice("sha256=".length)],
    ["one hex char short", header.slice(0, -1)],
    ["one hex char long", `${header}0`],
    ["two hex chars long", `${header}00`],
    ["non-hex of the right length", `sha256=${"z".repeat(64)}`],
    ["surrounding whitespace", ` ${header} `],
    ["two signatures", `${header},${header}`],
  ])("rejects a header that is %s", (_label, badHeader) => {
    expect(verifySignature({ body: bytes, header: badHeader, appSecret: SECRET })).toBe(false);
  });

  it("accepts the digest in uppercase hex (same bytes)", () => {
    const upper = `sha256=${header.slice("sha256=".length).toUpperCase()}`;
    expect(verifySignature({ body: bytes, header: upper, appSecret: SECRET })).toBe(true);
  });

  it("never verifies when no app secret is configured", () => {
    const emptyKeyHeader = signPayload(bytes, "");
    expect(verifySignature({ body: bytes, header: emptyKeyHeader, appSecret: "" })).toBe(false);
  });

  it("returns false instead of throwing on values that break the types", () => {
    const call = (args: unknown) => verifySignature(args as Parameters<typeof verifySignature>[0]);
    expect(call({ body: null, header, appSecret: SECRET })).toBe(false);
    expect(call({ body: bytes, header: 42, appSecret: SECRET })).toBe(false);
    expect(call({ body: bytes, header, appSecret: undefined })).toBe(false);
  });
});
