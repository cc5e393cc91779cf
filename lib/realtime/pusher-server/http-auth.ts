// Verifies Pusher HTTP API request signing (auth_version 1.0), exactly as the `pusher` server SDK signs:
// HMAC-SHA256(secret, "METHOD\nPATH\n" + every query param but auth_signature, keys lower-cased and sorted).
import { createHash } from "node:crypto";
import { hmacSha256Hex, MAX_TIMESTAMP_SKEW_SECONDS, safeEqual } from "./protocol";

export type SignatureCheck = { ok: true } | { ok: false; message: string };

export function verifySignedRequest(options: {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  key: string;
  secret: string;
  nowSeconds?: number;
}): SignatureCheck {
  const { method, path, query, body, key, secret } = options;
  const nowSeconds = options.nowSeconds ?? Math.floor(Date.now() / 1000);

  const authKey = query.get("auth_key");
  const timestamp = query.get("auth_timestamp");
  const version = query.get("auth_version");
  const signature = query.get("auth_signature");
  if (authKey === null || timestamp === null || version === null || signature === null) {
    return { ok: false, message: "Missing auth_key, auth_timestamp, auth_version or auth_signature" };
  }
  if (!safeEqual(authKey, key)) return { ok: false, message: "Unknown auth_key" };
  if (version !== "1.0") return { ok: false, message: "Only auth_version 1.0 is supported" };
  // A bounded window limits how long a captured request can be replayed.
  const sentAt = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - sentAt) > MAX_TIMESTAMP_SKEW_SECONDS) {
    return {
      ok: false,
      message: `Timestamp expired: given ${timestamp}, now ${nowSeconds}; check the server clock`,
    };
  }

  // The signature covers the body only through its MD5, so a body without a matching hash is unsigned.
  const bodyMd5 = query.get("body_md5");
  if (body.length > 0 || bodyMd5 !== null) {
    const actual = createHash("md5").update(body, "utf8").digest("hex");
    if (bodyMd5 === null || !safeEqual(bodyMd5, actual))
      return { ok: false, message: "body_md5 does not match the body" };
  }

  const expected = hmacSha256Hex(secret, [method.toUpperCase(), path, canonicalQuery(query)].join("\n"));
  if (!safeEqual(signature, expected)) return { ok: false, message: "Invalid signature: check the app secret" };
  return { ok: true };
}

function canonicalQuery(query: URLSearchParams): string {
  return [...query.entries()]
    .filter(([name]) => name !== "auth_signature")
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}
