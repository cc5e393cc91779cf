import "server-only";
import Pusher from "pusher";
import { type Env, getEnv } from "@/lib/env";
import { type InboxChanges, isEmptyInboxChanges } from "./changes";
import { REALTIME_AUTH_ENDPOINT, REALTIME_USER_AUTH_ENDPOINT, type RealtimeClientConfig } from "./channels";
import { type EventViews, noEventViews, type RealtimeEvent, realtimeEventsFor } from "./inbox-events";
import { getLocalPusherServerConfig, usesLocalPusherServer } from "./local-server-config";

/** Pusher accepts at most 10 events per POST /batch_events. */
const EVENTS_PER_BATCH = 10;
const PARALLEL_BATCHES = 4;
/** A Pusher server that does not answer must not hold processing up for long. */
const REQUEST_TIMEOUT_MS = 5_000;

type PusherConnection = {
  appId: string;
  key: string;
  secret: string;
  useTLS: boolean;
  /** Hosted Pusher; null with a custom host. */
  cluster: string | null;
  host: string | null;
  port: number | null;
};

/** Hosted Pusher (PUSHER_CLUSTER), a self-hosted server (PUSHER_HOST), else the local server. */
export function getPusherConnection(env: Env = getEnv()): PusherConnection {
  if (usesLocalPusherServer(env)) {
    const local = getLocalPusherServerConfig(env);
    return { ...local, useTLS: false, cluster: null };
  }
  // lib/env refuses partial PUSHER_* settings, so the credentials are all present here.
  const credentials = { appId: env.PUSHER_APP_ID!, key: env.PUSHER_KEY!, secret: env.PUSHER_SECRET! };
  if (env.PUSHER_HOST) {
    return {
      ...credentials,
      useTLS: env.PUSHER_USE_TLS,
      cluster: null,
      host: env.PUSHER_HOST,
      port: env.PUSHER_PORT ?? null,
    };
  }
  return { ...credentials, useTLS: env.PUSHER_USE_TLS, cluster: env.PUSHER_CLUSTER!, host: null, port: null };
}

let cachedPusher: Pusher | undefined;

/** The `pusher` SDK client, created once per process. */
export function getPusher(): Pusher {
  if (cachedPusher) return cachedPusher;
  const { appId, key, secret, useTLS, cluster, host, port } = getPusherConnection();
  const base = { appId, key, secret, useTLS, timeout: REQUEST_TIMEOUT_MS };
  cachedPusher =
    host !== null
      ? new Pusher({ ...base, host, ...(port !== null ? { port: String(port) } : {}) })
      : new Pusher({ ...base, cluster: cluster ?? "" });
  return cachedPusher;
}

let failingSince: Date | null = null;
let suppressedFailures = 0;

/**
 * Tells browsers what one transaction committed. Called right after the commit by whoever commits
 * (processing, replays, agents' changes, the send worker), in whichever process that is. Never
 * throws: the changes are already stored, and a browser that missed an event catches up when it
 * refetches (on reconnect), so a Pusher outage only costs liveness. `views` (publishInboxChanges
 * reads them) go into the events that fit; without them the browser fetches what changed.
 */
export async function publishRealtime(changes: InboxChanges, views: EventViews = noEventViews()): Promise<void> {
  if (isEmptyInboxChanges(changes)) return;
  let events: RealtimeEvent[];
  try {
    events = realtimeEventsFor(changes, views);
  } catch (error) {
    console.error("[realtime] could not build events", error);
    return;
  }
  const batches: RealtimeEvent[][] = [];
  for (let start = 0; start < events.length; start += EVENTS_PER_BATCH) {
    batches.push(events.slice(start, start + EVENTS_PER_BATCH));
  }
  for (let start = 0; start < batches.length; start += PARALLEL_BATCHES) {
    const results = await Promise.allSettled(
      batches.slice(start, start + PARALLEL_BATCHES).map((batch) => sendBatch(batch)),
    );
    for (const result of results) {
      if (result.status === "rejected") reportFailure(result.reason);
      else reportSuccess();
    }
  }
}

async function sendBatch(batch: RealtimeEvent[]): Promise<void> {
  await getPusher().triggerBatch(batch.map(({ channel, name, data }) => ({ channel, name, data })));
}

// One log line per outage, not one per batch: processing can run thousands of batches a minute.
function reportFailure(error: unknown): void {
  if (failingSince !== null) {
    suppressedFailures += 1;
    return;
  }
  failingSince = new Date();
  const { message, status, body } = error as { message?: string; status?: number; body?: string };
  console.error(
    `[realtime] publishing to Pusher failed (${[status, message, body].filter(Boolean).join(" — ")}); ` +
      "browsers will catch up when they reconnect. Further failures are counted until it works again.",
  );
}

function reportSuccess(): void {
  if (failingSince === null) return;
  console.log(
    `[realtime] publishing works again (failing since ${failingSince.toISOString()}, ${suppressedFailures} more failed batches)`,
  );
  failingSince = null;
  suppressedFailures = 0;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/**
 * What pusher-js needs in the browser — never the secret. A server on the loopback address (the
 * local one) is reached through the host name the browser used for the app itself, so a page
 * opened as http://my-laptop.local:3000 does not look for the socket on its own machine.
 */
export function getRealtimeClientConfig({ requestHostname }: { requestHostname: string | null }): RealtimeClientConfig {
  const env = getEnv();
  const connection = getPusherConnection(env);
  const common = {
    key: connection.key,
    authEndpoint: REALTIME_AUTH_ENDPOINT,
    userAuthEndpoint: REALTIME_USER_AUTH_ENDPOINT,
  };
  if (env.PUSHER_PUBLIC_URL) {
    const url = new URL(env.PUSHER_PUBLIC_URL);
    const forceTLS = url.protocol === "wss:";
    return {
      ...common,
      cluster: "",
      wsHost: url.hostname,
      wsPort: Number(url.port) || (forceTLS ? 443 : 80),
      forceTLS,
    };
  }
  if (connection.host === null) {
    return { ...common, cluster: connection.cluster ?? "", wsHost: null, wsPort: null, forceTLS: true };
  }
  const wsHost = LOOPBACK_HOSTS.has(connection.host) && requestHostname ? requestHostname : connection.host;
  return {
    ...common,
    cluster: "",
    wsHost,
    wsPort: connection.port ?? (connection.useTLS ? 443 : 80),
    forceTLS: connection.useTLS,
  };
}
