import { clientAddressOf } from "@/lib/http/forwarding";

/**
 * The client address for throttling: the socket peer, or with TRUST_PROXY the address our proxy
 * reports (lib/http/forwarding.ts). Never a header the client can choose.
 */
export function clientIp(headers: Headers | undefined | null): string {
  return clientAddressOf(headers);
}
