// The browser's side of realtime in Node: the real pusher-js client against the test's local
// Pusher-protocol server, authorized through the app's /api/realtime/auth with a session's cookies.
import type PusherClient from "pusher-js";
import type { Channel } from "pusher-js";
import { expect } from "vitest";
import type { RealtimeClientConfig } from "../../lib/realtime/channels";
import { createRealtimeClient } from "../../lib/realtime/client";
import { HttpSession } from "./http-session";

export async function fetchRealtimeConfig(session: HttpSession): Promise<RealtimeClientConfig> {
  const response = await session.request("/api/realtime/config");
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { realtime: RealtimeClientConfig }).realtime;
}

/** POSTs what pusher-js posts (form-encoded socket_id and channel_name) with the session's cookies. */
export function postChannelAuth(session: HttpSession, socketId: string, channelName: string): Promise<Response> {
  return session.request("/api/realtime/auth", {
    method: "POST",
    body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

const clients: PusherClient[] = [];

/**
 * A connected pusher-js client configured from /api/realtime/config. Node's XMLHttpRequest shim
 * cannot send cookies, so the authorization request goes through the session's fetch instead —
 * same endpoint, same body.
 */
export async function connectRealtime(session: HttpSession, configFrom: HttpSession = session): Promise<PusherClient> {
  const config = await fetchRealtimeConfig(configFrom);
  const client = await createRealtimeClient(config, {
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        postChannelAuth(session, socketId, channelName).then(
          async (response) =>
            response.ok
              ? callback(null, (await response.json()) as { auth: string; channel_data?: string })
              : callback(new Error(`channel auth answered ${response.status}`), null),
          (error: Error) => callback(error, null),
        );
      },
    },
    userAuthentication: {
      endpoint: config.userAuthEndpoint,
      transport: "ajax",
      customHandler: ({ socketId }, callback) => {
        session
          .request(config.userAuthEndpoint, {
            method: "POST",
            body: new URLSearchParams({ socket_id: socketId }).toString(),
            headers: { "content-type": "application/x-www-form-urlencoded" },
          })
          .then(
            async (response) =>
              response.ok
                ? callback(null, (await response.json()) as { auth: string; user_data: string })
                : callback(new Error(`user auth answered ${response.status}`), null),
            (error: Error) => callback(error, null),
          );
      },
    },
  });
  // As the app's page does: the server then knows whose socket this is (sign-out, deactivation).
  client.signin();
  clients.push(client);
  await within(10_000, "pusher-js to connect", (resolve) => client.connection.bind("connected", () => resolve()));
  return client;
}

export function disconnectRealtimeClients(): void {
  for (const client of clients.splice(0)) client.disconnect();
}

/** Subscribes and resolves once the server confirmed it; rejects on a subscription error. */
export function subscribed<C extends Channel = Channel>(client: PusherClient, channelName: string): Promise<C> {
  const channel = client.subscribe(channelName) as C;
  return within<C>(10_000, `subscription to ${channelName}`, (resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve(channel));
    channel.bind("pusher:subscription_error", (error: { status?: number; error?: string }) =>
      reject(new Error(`subscription to ${channelName} refused (${error.status ?? "?"}: ${error.error ?? ""})`)),
    );
  });
}

/** Records every event of a kind on a channel, so tests can wait for the one they caused. */
export function recordEvents<T>(channel: Channel, eventName: string) {
  const received: T[] = [];
  channel.bind(eventName, (data: T) => received.push(data));
  return {
    received,
    waitFor: (matches: (data: T) => boolean, what = eventName) =>
      within<T>(10_000, `${what} on ${channel.name}`, (resolve) => {
        const deadline = Date.now() + 10_000;
        const poll = () => {
          const found = received.find(matches);
          if (found) resolve(found);
          else if (Date.now() < deadline) setTimeout(poll, 20);
        };
        poll();
      }),
  };
}

export function within<T = void>(
  ms: number,
  what: string,
  executor: (resolve: (value: T) => void, reject: (error: Error) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    executor(
      (value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
