// Who sent a request, and which host name they used — decided once, at the socket, from
// configuration rather than from what the client claims. X-Forwarded-* headers are only believed
// when TRUST_PROXY says the peer is our reverse proxy; otherwise any client could pick its own
// address (defeating per-address limits) or its own host (passing the same-origin check).
import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/** Set on every request by the guard below, replacing whatever the client sent. */
export const CLIENT_ADDRESS_HEADER = "x-inbox-client-address";
export const REQUEST_HOST_HEADER = "x-inbox-request-host";

export const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];

export type ProxyTrust = { kind: "none" } | { kind: "any" } | { kind: "list"; proxies: BlockList };

/**
 * TRUST_PROXY: unset or "false" — no proxy, forwarding headers are dropped; "true" — every peer
 * is our proxy (the app is reachable only through it), the last X-Forwarded-For entry is the
 * client; a comma-separated list of proxy addresses or CIDR ranges — forwarding headers count only
 * from those peers, and the client is the first address from the right that is not one of them.
 * Null for a malformed value.
 */
export function parseTrustProxy(value: string | undefined): ProxyTrust | null {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "" || trimmed === "false") return { kind: "none" };
  if (trimmed === "true") return { kind: "any" };
  const proxies = new BlockList();
  for (const entry of trimmed.split(",").map((part) => part.trim())) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    if (family === 0 || extra !== undefined) return null;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      proxies.addAddress(address, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return null;
    proxies.addSubnet(address, bits, type);
  }
  return { kind: "list", proxies };
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) is 127.0.0.1. */
function normalizeAddress(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function isTrustedPeer(trust: ProxyTrust, address: string): boolean {
  if (trust.kind === "none") return false;
  if (trust.kind === "any") return true;
  const family = isIP(address);
  return family !== 0 && trust.proxies.check(address, family === 4 ? "ipv4" : "ipv6");
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

/** The client's address and the host it asked for, from the socket peer and (if trusted) the proxy's headers. */
export function resolveForwarding(
  headers: IncomingMessage["headers"],
  peerAddress: string | undefined,
  trust: ProxyTrust,
): { clientAddress: string; host: string | undefined; trusted: boolean } {
  const peer = normalizeAddress(peerAddress ?? "unknown");
  const host = headerValue(headers.host);
  if (!isTrustedPeer(trust, peer)) return { clientAddress: peer, host, trusted: false };
  const hops = (headerValue(headers["x-forwarded-for"]) ?? "")
    .split(",")
    .map((hop) => normalizeAddress(hop.trim()))
    .filter((hop) => hop !== "");
  let clientAddress = peer;
  // From the right: each trusted proxy vouches for the hop before it; the first untrusted one is the client.
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    clientAddress = hops[index]!;
    if (trust.kind === "any" || !isTrustedPeer(trust, clientAddress)) break;
  }
  const forwardedHost = headerValue(headers["x-forwarded-host"])?.split(",")[0]?.trim();
  return { clientAddress, host: forwardedHost || host, trusted: true };
}

/**
 * The client address for per-address limits. "unknown" when the guard did not run (a process that
 * is not the HTTP server): never a value the client chose.
 */
export function clientAddressOf(headers: Headers | null | undefined): string {
  return headers?.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/** The host name the browser addressed (Host, or X-Forwarded-Host from a trusted proxy). */
export function requestHostOf(headers: Headers | null | undefined): string | null {
  return headers?.get(REQUEST_HOST_HEADER) ?? headers?.get("host") ?? null;
}
