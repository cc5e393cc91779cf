// pusher-js configured from GET /api/realtime/config — the browser side of lib/realtime/channels.ts.
import type PusherClient from "pusher-js";
import type { Options } from "pusher-js";
import type { RealtimeClientConfig } from "./channels";

/**
 * A pusher-js client for hosted Pusher (cluster) or a custom host (self-hosted, or the local
 * server `npm start` runs). Channel authorization posts to /api/realtime/auth with the page's
 * cookies; `overrides` replace any option (tests pass their own authorization handler). Call
 * `signin()` on it: the server then knows the socket's user and can end it (sign-out, deactivation).
 * pusher-js is loaded here, on first use, not with the page: the first paint does not wait for it.
 */
export async function createRealtimeClient(
  config: RealtimeClientConfig,
  overrides: Partial<Options> = {},
): Promise<PusherClient> {
  const { default: Pusher } = await import("pusher-js");
  const customHost =
    config.wsHost === null
      ? {}
      : {
          wsHost: config.wsHost,
          ...(config.wsPort === null ? {} : { wsPort: config.wsPort, wssPort: config.wsPort }),
          // A Pusher-protocol server of our own speaks WebSocket only (no HTTP streaming fallbacks).
          enabledTransports: ["ws" as const],
        };
  return new Pusher(config.key, {
    cluster: config.cluster,
    forceTLS: config.forceTLS,
    ...customHost,
    disableStats: true,
    channelAuthorization: { endpoint: config.authEndpoint, transport: "ajax" },
    userAuthentication: { endpoint: config.userAuthEndpoint, transport: "ajax" },
    ...overrides,
  });
}
