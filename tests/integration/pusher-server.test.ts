// The bundled Pusher-protocol server, driven by the real `pusher` server SDK (HTTP API) and the real
// `pusher-js` client (WebSocket) — the same pair the app uses against hosted Pusher.
import Pusher from "pusher";
import PusherClient, { type Channel, type Members, type PresenceChannel } from "pusher-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { startPusherServer, type RunningPusherServer } from "@/lib/realtime/pusher-server";

const APP = { appId: "test-app", key: "test-key", secret: "test-secret" };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(
  options: { port?: number; activityTimeoutSeconds?: number; userAuthenticationTimeoutSeconds?: number } = {},
) {
  const server = await startPusherServer({ ...APP, host: "127.0.0.1", port: 0, ...options });
  cleanups.push(() => server.close());
  return server;
}

function serverSdk(server: RunningPusherServer, overrides: Partial<typeof APP> = {}): Pusher {
  return new Pusher({ ...APP, ...overrides, host: "127.0.0.1", port: String(server.port), useTLS: false });
}

type Presence = { user_id: string; user_info?: Record<string, unknown> };

/** A pusher-js client whose channel authorization is signed by the server SDK, as /api/realtime/auth does. */
function createClient(server: RunningPusherServer, options: { presence?: Presence; secret?: string } = {}) {
  const signer = serverSdk(server, options.secret === undefined ? {} : { secret: options.secret });
  const client = new PusherClient(APP.key, {
    cluster: "",
    wsHost: "127.0.0.1",
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        const presence = channelName.startsWith("presence-") ? options.presence : undefined;
        callback(null, signer.authorizeChannel(socketId, channelName, presence));
      },
    },
  });
  cleanups.push(() => client.disconnect());
  return client;
}

async function connectedClient(server: RunningPusherServer, options: Parameters<typeof createClient>[1] = {}) {
  const client = createClient(server, options);
  await within<void>(5000, "pusher-js to connect", (resolve) => client.connection.bind("connected", () => resolve()));
  return client;
}

function within<T>(
  ms: number,
  what: string,
  executor: (resolve: (value: T) => void, reject: (error: Error) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
    executor(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function nextEvent<T = unknown>(channel: Channel, event: string, ms = 5000): Promise<T> {
  return within<T>(ms, `'${event}' on ${channel.name}`, (resolve) => {
    const handler = (data: T) => {
      channel.unbind(event, handler);
      resolve(data);
    };
    channel.bind(event, handler);
  });
}

/** Resolves once the server confirms the subscription; rejects with the subscription_error payload. */
function subscribe<C extends Channel = Channel>(client: PusherClient, name: string): Promise<C> {
  const channel = client.subscribe(name) as C;
  return within<C>(5000, `subscription to ${name}`, (resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve(channel));
    channel.bind("pusher:subscription_error", (error: unknown) =>
      reject(Object.assign(new Error(`subscription_error on ${name}`), { payload: error })),
    );
  });
}

async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** POSTs to /events signed (by the real SDK) for `signedBody` but carrying `sentBody`. */
function signedPost(server: RunningPusherServer, options: { signedBody: string; sentBody: string }) {
  const path = `/apps/${APP.appId}/events`;
  const query = serverSdk(server).createSignedQueryString({ method: "POST", path, body: options.signedBody });
  return fetch(`http://127.0.0.1:${server.port}${path}?${query}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: options.sentBody,
  });
}

type RawFrame = { event: string; channel?: string; data?: unknown };

/** A bare WebSocket that records every frame, for protocol details pusher-js hides. */
async function rawSocket(server: RunningPusherServer, path = `/app/${APP.key}?protocol=7&client=test&version=1`) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
  cleanups.push(() => ws.terminate());
  const frames: RawFrame[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on("message", (raw) => frames.push(JSON.parse(raw.toString()) as RawFrame));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  const waitForFrame = async (predicate: (frame: RawFrame) => boolean, what: string, from = 0) => {
    await eventually(() => frames.slice(from).some(predicate), what);
    return frames.slice(from).find(predicate) as RawFrame;
  };
  return { ws, frames, closed, waitForFrame };
}

describe("bundled Pusher server", () => {
  it("completes the protocol 7 handshake that pusher-js expects", async () => {
    const server = await startServer({ activityTimeoutSeconds: 45 });
    const raw = await rawSocket(server);
    const established = await raw.waitForFrame((f) => f.event === "pusher:connection_established", "handshake");
    // The protocol sends `data` as a JSON *string*; pusher-js decodes it a second time.
    expect(typeof established.data).toBe("string");
    const data = JSON.parse(established.data as string) as { socket_id: string; activity_timeout: number };
    expect(data.socket_id).toMatch(/^\d+\.\d+$/);
    expect(data.activity_timeout).toBe(45);

    const client = await connectedClient(server);
    expect(client.connection.socket_id).toMatch(/^\d+\.\d+$/);
    expect(client.connection.socket_id).not.toBe(data.socket_id);
    expect(server.connectionCount()).toBe(2);
  });

  it("refuses an unknown app key (4001) and an old protocol (4007) with pusher:error and a close code", async () => {
    const server = await startServer();
    const wrongKey = await rawSocket(server, "/app/not-the-key?protocol=7");
    expect(await wrongKey.closed).toMatchObject({ code: 4001 });
    expect(wrongKey.frames[0]).toMatchObject({ event: "pusher:error", data: { code: 4001 } });

    const oldProtocol = await rawSocket(server, `/app/${APP.key}?protocol=5`);
    expect(await oldProtocol.closed).toMatchObject({ code: 4007 });
    expect(oldProtocol.frames[0]).toMatchObject({ event: "pusher:error", data: { code: 4007 } });
    expect(server.connectionCount()).toBe(0);

    // pusher-js treats 4001 as final: it gives up instead of retrying forever.
    const client = new PusherClient("not-the-key", {
      cluster: "",
      wsHost: "127.0.0.1",
      wsPort: server.port,
      forceTLS: false,
      enabledTransports: ["ws"],
      disableStats: true,
    });
    cleanups.push(() => client.disconnect());
    await within<void>(5000, "pusher-js to give up", (resolve) =>
      client.connection.bind("disconnected", () => resolve()),
    );
  });

  it("delivers server-triggered events on public and private channels", async () => {
    const server = await startServer();
    const client = await connectedClient(server);
    const sdk = serverSdk(server);
    const publicChannel = await subscribe(client, "inbox-updates");
    const privateChannel = await subscribe(client, "private-agent-7");

    const publicEvent = nextEvent(publicChannel, "message.created");
    const response = await sdk.trigger("inbox-updates", "message.created", { id: "m1", text: "olá" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(await publicEvent).toEqual({ id: "m1", text: "olá" });

    const privateEvent = nextEvent(privateChannel, "conversation.assigned");
    await sdk.trigger(["private-agent-7", "some-other-channel"], "conversation.assigned", { id: "c9" });
    expect(await privateEvent).toEqual({ id: "c9" });
  });

  it("rejects a private subscription signed with the wrong secret", async () => {
    const server = await startServer();
    const client = await connectedClient(server, { secret: "not-the-secret" });
    const rejection = subscribe(client, "private-agent-7");
    await expect(rejection).rejects.toMatchObject({ payload: { type: "AuthError", status: 401 } });

    const info = await serverSdk(server).get({
      path: "/channels/private-agent-7",
      params: { info: "subscription_count" },
    });
    expect(await info.json()).toEqual({ occupied: false, subscription_count: 0 });
    expect(server.connectionCount()).toBe(1);
  });

  it("rejects HTTP API calls with a bad signature, stale timestamp or tampered body, and bad bodies", async () => {
    const server = await startServer();
    const client = await connectedClient(server);
    const channel = await subscribe(client, "inbox-updates");
    const received: unknown[] = [];
    channel.bind("message.created", (data: unknown) => received.push(data));

    const forged = serverSdk(server, { secret: "not-the-secret" });
    await expect(forged.trigger("inbox-updates", "message.created", { id: "forged" })).rejects.toMatchObject({
      status: 401,
    });

    const sdk = serverSdk(server);
    const realNow = Date.now();
    const clock = vi.spyOn(Date, "now").mockReturnValue(realNow - 700_000);
    const stale = sdk.trigger("inbox-updates", "message.created", { id: "stale" });
    clock.mockRestore();
    await expect(stale).rejects.toMatchObject({ status: 401, body: expect.stringContaining("Timestamp") });

    // Signed for one body, sent with another: body_md5 no longer matches.
    const signedBody = JSON.stringify({ name: "message.created", channel: "inbox-updates", data: "{}" });
    const tampered = signedBody.replace("{}", '{\\"id\\":\\"tampered\\"}');
    expect((await signedPost(server, { signedBody, sentBody: tampered })).status).toBe(401);
    expect((await signedPost(server, { signedBody: tampered, sentBody: tampered })).status).toBe(200);

    const nameless = JSON.stringify({ channel: "inbox-updates", data: "{}" });
    expect((await signedPost(server, { signedBody: nameless, sentBody: nameless })).status).toBe(400);
    expect((await signedPost(server, { signedBody: "{oops", sentBody: "{oops" })).status).toBe(400);
    await expect(sdk.trigger("inbox-updates", "message.created", "x".repeat(10 * 1024 + 1))).rejects.toMatchObject({
      status: 413,
    });
    await expect(serverSdk(server, { appId: "other-app" }).trigger("inbox-updates", "e", {})).rejects.toMatchObject({
      status: 404,
    });

    // Nothing above reached the subscriber; a correctly signed trigger still does.
    await sdk.trigger("inbox-updates", "message.created", { id: "genuine" });
    await eventually(() => received.length > 1, "the genuine event");
    expect(received).toEqual([{ id: "tampered" }, { id: "genuine" }]);
  });

  it("delivers batch triggers to each event's channel", async () => {
    const server = await startServer();
    const client = await connectedClient(server);
    const a = await subscribe(client, "batch-a");
    const b = await subscribe(client, "private-batch-b");
    const onA = nextEvent(a, "first");
    const onB = nextEvent(b, "second");
    const response = await serverSdk(server).triggerBatch([
      { channel: "batch-a", name: "first", data: { n: 1 } },
      { channel: "private-batch-b", name: "second", data: { n: 2 } },
    ]);
    expect(response.status).toBe(200);
    expect(await onA).toEqual({ n: 1 });
    expect(await onB).toEqual({ n: 2 });
  });

  it("skips the socket named in socket_id", async () => {
    const server = await startServer();
    const sender = await connectedClient(server);
    const other = await connectedClient(server);
    const senderEvents: unknown[] = [];
    (await subscribe(sender, "inbox-updates")).bind("note", (data: unknown) => senderEvents.push(data));
    const otherChannel = await subscribe(other, "inbox-updates");

    const sdk = serverSdk(server);
    const otherGotIt = nextEvent(otherChannel, "note");
    await sdk.trigger("inbox-updates", "note", { n: 1 }, { socket_id: sender.connection.socket_id });
    expect(await otherGotIt).toEqual({ n: 1 });

    // Events on one socket arrive in order, so once the unfiltered one lands the filtered one never will.
    await sdk.trigger("inbox-updates", "note", { n: 2 });
    await eventually(() => senderEvents.length > 0, "the unfiltered event");
    expect(senderEvents).toEqual([{ n: 2 }]);
  });

  it("tracks presence members per user, not per socket", async () => {
    const server = await startServer();
    const alice = await connectedClient(server, { presence: { user_id: "alice", user_info: { name: "Alice" } } });
    const aliceChannel = await subscribe<PresenceChannel>(alice, "presence-inbox");
    expect(aliceChannel.members.count).toBe(1);
    expect(aliceChannel.members.me).toEqual({ id: "alice", info: { name: "Alice" } });
    const aliceSaw: Array<[string, string]> = [];
    aliceChannel.bind("pusher:member_added", (m: { id: string }) => aliceSaw.push(["added", m.id]));
    aliceChannel.bind("pusher:member_removed", (m: { id: string }) => aliceSaw.push(["removed", m.id]));

    const bobAdded = nextEvent<{ id: string; info: unknown }>(aliceChannel, "pusher:member_added");
    const bob = await connectedClient(server, { presence: { user_id: "bob", user_info: { name: "Bob" } } });
    const bobChannel = await subscribe<PresenceChannel>(bob, "presence-inbox");
    expect(await bobAdded).toEqual({ id: "bob", info: { name: "Bob" } });
    const bobSees: Record<string, unknown> = {};
    (bobChannel.members as Members).each((m: { id: string; info: unknown }) => (bobSees[m.id] = m.info));
    expect(bobSees).toEqual({ alice: { name: "Alice" }, bob: { name: "Bob" } });

    // Bob opens a second tab and closes it: he never left, so Alice hears nothing.
    const bobTab = await connectedClient(server, { presence: { user_id: "bob", user_info: { name: "Bob" } } });
    expect((await subscribe<PresenceChannel>(bobTab, "presence-inbox")).members.count).toBe(2);
    bobTab.disconnect();
    await eventually(() => server.connectionCount() === 2, "the second tab to close");
    const users = await serverSdk(server).get({ path: "/channels/presence-inbox/users" });
    expect(await users.json()).toEqual({ users: [{ id: "alice" }, { id: "bob" }] });

    // Client events reach the other members, carry the sender's user_id, and never echo to the sender.
    const whisper = within<[unknown, { user_id?: string }]>(5000, "client event", (resolve) =>
      bobChannel.bind("client-typing", (data: unknown, meta: { user_id?: string }) => resolve([data, meta])),
    );
    aliceChannel.bind("client-typing", () => aliceSaw.push(["echo", "alice"]));
    expect(aliceChannel.trigger("client-typing", { conversationId: "c1" })).toBe(true);
    expect(await whisper).toEqual([{ conversationId: "c1" }, { user_id: "alice" }]);

    const bobRemoved = nextEvent<{ id: string }>(aliceChannel, "pusher:member_removed");
    bob.disconnect();
    expect(await bobRemoved).toEqual({ id: "bob", info: { name: "Bob" } });
    expect(aliceSaw).toEqual([
      ["added", "bob"],
      ["removed", "bob"],
    ]);
    expect(aliceChannel.members.count).toBe(1);
  });

  it("forwards client events on private channels only to subscribed sockets", async () => {
    const server = await startServer();
    const a = await connectedClient(server);
    const b = await connectedClient(server);
    const aChannel = await subscribe(a, "private-thread-1");
    const bChannel = await subscribe(b, "private-thread-1");
    const onB = nextEvent(bChannel, "client-draft");
    aChannel.trigger("client-draft", { text: "hi" });
    expect(await onB).toEqual({ text: "hi" });

    const raw = await rawSocket(server);
    raw.ws.send(JSON.stringify({ event: "client-draft", channel: "private-thread-1", data: {} }));
    raw.ws.send(JSON.stringify({ event: "client-draft", channel: "public-room", data: {} }));
    await eventually(() => raw.frames.filter((f) => f.event === "pusher:error").length === 2, "two refusals");
    expect(raw.ws.readyState).toBe(WebSocket.OPEN);
  });

  it("stops delivering after pusher:unsubscribe", async () => {
    const server = await startServer();
    const sdk = serverSdk(server);
    const client = await connectedClient(server);
    await subscribe(client, "inbox-updates");
    const info = await sdk.get({ path: "/channels/inbox-updates", params: { info: "subscription_count" } });
    expect(await info.json()).toEqual({ occupied: true, subscription_count: 1 });

    // pusher-js drops events for channels it left, so the server side is checked on a bare socket.
    const raw = await rawSocket(server);
    raw.ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: "inbox-updates" } }));
    raw.ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: "marker" } }));
    await raw.waitForFrame((f) => f.channel === "marker" && f.event.endsWith("subscription_succeeded"), "marker");
    raw.ws.send(JSON.stringify({ event: "pusher:unsubscribe", data: { channel: "inbox-updates" } }));
    client.unsubscribe("inbox-updates");
    // Unsubscribing has no acknowledgement in the protocol, so wait until the server reports it.
    await eventually(async () => {
      const after = await sdk.get({ path: "/channels/inbox-updates", params: { info: "subscription_count" } });
      return ((await after.json()) as { subscription_count: number }).subscription_count === 0;
    }, "both sockets to leave the channel");
    await sdk.trigger("inbox-updates", "late", {});
    await sdk.trigger("marker", "done", {});
    await raw.waitForFrame((f) => f.event === "done", "the marker event");
    expect(raw.frames.some((f) => f.event === "late")).toBe(false);
  });

  it("survives malformed frames and keeps serving the connection", async () => {
    const server = await startServer();
    const raw = await rawSocket(server);
    const garbage = [
      "not json",
      "[]",
      JSON.stringify({ data: {} }),
      JSON.stringify({ event: "pusher:subscribe", data: { channel: "bad name!" } }),
      JSON.stringify({ event: "pusher:subscribe", data: "{broken" }),
      JSON.stringify({ event: "pusher:unsubscribe" }),
      JSON.stringify({ event: "nonsense" }),
    ];
    for (const frame of garbage) raw.ws.send(frame);
    raw.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await eventually(
      () => raw.frames.filter((f) => f.event === "pusher:error").length === garbage.length + 1,
      "one pusher:error per bad frame",
    );

    // Presence without channel_data, and with a forged signature, fail only that subscription.
    const socketId = (JSON.parse(raw.frames[0]?.data as string) as { socket_id: string }).socket_id;
    const sdk = serverSdk(server);
    const goodPrivate = sdk.authorizeChannel(socketId, "private-x");
    raw.ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: "presence-x", auth: goodPrivate.auth } }));
    raw.ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: "private-y", auth: goodPrivate.auth } }));
    raw.ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: "private-x", ...goodPrivate } }));
    const ok = await raw.waitForFrame((f) => f.event === "pusher_internal:subscription_succeeded", "subscription");
    expect(ok.channel).toBe("private-x");
    const errors = raw.frames.filter((f) => f.event === "pusher:subscription_error").map((f) => f.channel);
    expect(errors).toEqual(["presence-x", "private-y"]);
    expect(raw.ws.readyState).toBe(WebSocket.OPEN);
    expect(server.connectionCount()).toBe(1);
  });

  it("keeps idle clients alive with ping/pong and closes clients that stop answering", async () => {
    const server = await startServer({ activityTimeoutSeconds: 1 });
    const client = await connectedClient(server);
    const socketId = client.connection.socket_id;
    // Whichever side's idle timer fires first sends the ping, so count heartbeats in both directions.
    const heartbeats: string[] = [];
    client.connection.bind("message", (message: { event: string }) => {
      if (message.event === "pusher:ping" || message.event === "pusher:pong") heartbeats.push(message.event);
    });

    // A peer that never answers the server's pusher:ping is closed with 4201 (pong not received),
    // after its own pusher:ping was still answered.
    const silent = await rawSocket(server);
    silent.ws.send(JSON.stringify({ event: "pusher:ping", data: {} }));
    await silent.waitForFrame((f) => f.event === "pusher:pong", "the pong");
    const closed = await within<{ code: number }>(6000, "the silent peer to be closed", (resolve) => {
      void silent.closed.then(resolve);
    });
    expect(closed).toMatchObject({ code: 4201 });
    expect(silent.frames.some((f) => f.event === "pusher:ping")).toBe(true);

    // Meanwhile pusher-js, idle all along, exchanged heartbeats every second and kept its connection.
    await eventually(() => heartbeats.length >= 3, "three heartbeats", 8000);
    expect(client.connection.state).toBe("connected");
    expect(client.connection.socket_id).toBe(socketId);
    expect(server.connectionCount()).toBe(1);
  });

  it("lets pusher-js reconnect and resubscribe after the server restarts on the same port", async () => {
    const first = await startServer();
    const port = first.port;
    const client = await connectedClient(first);
    const channel = await subscribe(client, "private-inbox");
    const firstSocketId = client.connection.socket_id;

    let resubscribed = 0;
    channel.bind("pusher:subscription_succeeded", () => (resubscribed += 1));
    await first.close();
    expect(first.connectionCount()).toBe(0);

    // The shutdown's 1001 close makes pusher-js retry after 1 s, by which time this server is listening.
    const second = await startServer({ port });
    await eventually(() => resubscribed === 1, "pusher-js to resubscribe", 15_000);
    expect(client.connection.socket_id).not.toBe(firstSocketId);
    expect(second.connectionCount()).toBe(1);

    const event = nextEvent(channel, "message.created");
    await serverSdk(second).trigger("private-inbox", "message.created", { id: "after-restart" });
    expect(await event).toEqual({ id: "after-restart" });
  });
});

describe("user authentication (pusher:signin) and terminate_connections", () => {
  /** A raw socket that signs in as `userId` with the app's signature, as /api/realtime/user-auth does. */
  async function signedInSocket(server: RunningPusherServer, userId: string) {
    const socket = await rawSocket(server);
    const established = await socket.waitForFrame((f) => f.event === "pusher:connection_established", "handshake");
    const socketId = (JSON.parse(established.data as string) as { socket_id: string }).socket_id;
    const { auth, user_data } = serverSdk(server).authenticateUser(socketId, { id: userId });
    socket.ws.send(JSON.stringify({ event: "pusher:signin", data: { auth, user_data } }));
    await socket.waitForFrame((f) => f.event === "pusher:signin_success", "signin_success");
    return socket;
  }

  it("closes every socket of that user with 4009 and leaves others alone", async () => {
    const server = await startServer();
    const [first, second, other] = await Promise.all([
      signedInSocket(server, "user-a"),
      signedInSocket(server, "user-a"),
      signedInSocket(server, "user-b"),
    ]);
    first.ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: "public-news" } }));
    await first.waitForFrame((f) => f.event === "pusher_internal:subscription_succeeded", "subscribed");
    await serverSdk(server).terminateUserConnections("user-a");
    expect((await first.closed).code).toBe(4009);
    expect((await second.closed).code).toBe(4009);
    await eventually(() => server.connectionCount() === 1, "only user-b's socket left");
    expect(other.ws.readyState).toBe(WebSocket.OPEN);
    expect(server.channelCount()).toBe(0);
  });

  it("refuses a forged signin and a foreign #server-to-user channel", async () => {
    const server = await startServer();
    const forged = await rawSocket(server);
    await forged.waitForFrame((f) => f.event === "pusher:connection_established", "handshake");
    const userData = JSON.stringify({ id: "admin" });
    forged.ws.send(
      JSON.stringify({ event: "pusher:signin", data: { auth: `${APP.key}:${"0".repeat(64)}`, user_data: userData } }),
    );
    expect((await forged.closed).code).toBe(4009);

    const socket = await signedInSocket(server, "user-a");
    const from = socket.frames.length;
    socket.ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: "#server-to-user-user-b" } }));
    await socket.waitForFrame((f) => f.event === "pusher:subscription_error", "refused", from);
    socket.ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: "#server-to-user-user-a" } }));
    await socket.waitForFrame((f) => f.event === "pusher_internal:subscription_succeeded", "own channel", from);
  });

  it("with enforced user authentication, closes a socket that never signs in", async () => {
    const server = await startServer({ userAuthenticationTimeoutSeconds: 0.3 });
    const lazy = await rawSocket(server);
    const signed = await signedInSocket(server, "user-a");
    expect((await lazy.closed).code).toBe(4009);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(signed.ws.readyState).toBe(WebSocket.OPEN);
  });
});

describe("limits", () => {
  it("caps subscriptions per socket and frees every channel when sockets close", async () => {
    const server = await startServer();
    const socket = await rawSocket(server);
    await socket.waitForFrame((f) => f.event === "pusher:connection_established", "handshake");
    for (let index = 0; index < 101; index += 1) {
      socket.ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: `public-${index}` } }));
    }
    const refused = await socket.waitForFrame((f) => f.event === "pusher:subscription_error", "the 101st refused");
    expect(refused.channel).toBe("public-100");
    await eventually(() => server.channelCount() === 100, "100 channels");
    socket.ws.close();
    await eventually(() => server.channelCount() === 0 && server.connectionCount() === 0, "everything freed");
  });

  it("refuses a channel name over 164 characters", async () => {
    const server = await startServer();
    const socket = await rawSocket(server);
    await socket.waitForFrame((f) => f.event === "pusher:connection_established", "handshake");
    socket.ws.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: `public-${"x".repeat(200)}` } }));
    await socket.waitForFrame((f) => f.event === "pusher:error", "refused");
    expect(server.channelCount()).toBe(0);
  });

  it("caps connections per address (4100, back off)", async () => {
    const server = await startServer();
    const sockets = await Promise.all(Array.from({ length: 50 }, () => rawSocket(server)));
    await eventually(() => server.connectionCount() === 50, "50 connections");
    const extra = await rawSocket(server);
    expect((await extra.closed).code).toBe(4100);
    sockets[0]!.ws.close();
    await eventually(() => server.connectionCount() === 49, "one closed");
    const again = await rawSocket(server);
    await again.waitForFrame((f) => f.event === "pusher:connection_established", "a slot again");
  });
});
