// What processing's committed changes become on the wire, and which PUSHER_* settings are accepted.
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema, reloadEnv } from "../../lib/env";
import { followMerges } from "../../lib/ingest/apply-number-changes";
import { emptyInboxChanges } from "../../lib/realtime/changes";
import { conversationChannel, INBOX_CHANNEL, parseChannelName } from "../../lib/realtime/channels";
import { realtimeEventsFor } from "../../lib/realtime/inbox-events";
import { getLocalPusherServerConfig, usesLocalPusherServer } from "../../lib/realtime/local-server-config";
import { getRealtimeClientConfig } from "../../lib/realtime/server";

describe("realtimeEventsFor", () => {
  it("deleted conversations go to every inbox in events of at most 100 ids", () => {
    const changes = emptyInboxChanges();
    changes.conversationsDeleted = Array.from({ length: 150 }, (_, index) => `c${index}`);
    const events = realtimeEventsFor(changes);
    expect(events.map((event) => [event.channel, event.name])).toEqual([
      [INBOX_CHANNEL, "conversations-deleted"],
      [INBOX_CHANNEL, "conversations-deleted"],
    ]);
    expect(events.flatMap((event) => (event.data as { conversationIds: string[] }).conversationIds)).toEqual(
      changes.conversationsDeleted,
    );
  });

  it("a batch that folded a new number's conversation into the old one speaks of the old one only", () => {
    const changes = emptyInboxChanges();
    changes.conversationsCreated = ["c9"];
    changes.conversationsUpdated = ["c1"];
    changes.messagesCreated = [
      { id: "m9", conversationId: "c9", direction: "inbound" },
      { id: "m1", conversationId: "c1", direction: "inbound" },
    ];
    followMerges(changes, [{ from: "c9", into: "c1" }]);
    const events = realtimeEventsFor(changes).map(
      (event) => `${event.channel} ${event.name} ${JSON.stringify(event.data)}`,
    );
    expect(events).toEqual([
      `${INBOX_CHANNEL} conversation-updated {"conversationId":"c1","lastMessageId":"m1"}`,
      `${INBOX_CHANNEL} unread-counts-changed {"conversationIds":["c1"]}`,
      `${conversationChannel("c1")} message-created {"messageId":"m9","conversationId":"c1","direction":"inbound"}`,
      `${conversationChannel("c1")} message-created {"messageId":"m1","conversationId":"c1","direction":"inbound"}`,
      `${INBOX_CHANNEL} conversation-merged {"conversationId":"c9","into":"c1"}`,
    ]);
  });

  it("sends list events to the inbox and thread events to each conversation, ids only", () => {
    const changes = emptyInboxChanges();
    changes.conversationsCreated = ["c1"];
    changes.conversationsUpdated = ["c2"];
    changes.messagesCreated = [
      { id: "m1", conversationId: "c1", direction: "inbound" },
      { id: "m2", conversationId: "c2", direction: "inbound" },
      { id: "m3", conversationId: "c3", direction: "outbound" },
    ];
    changes.reactionsChanged = [
      { targetWamid: "w1", conversationId: "c2" },
      { targetWamid: "w1", conversationId: "c2" },
    ];
    const events = realtimeEventsFor(changes).map(
      (event) => `${event.channel} ${event.name} ${JSON.stringify(event.data)}`,
    );
    expect(events).toEqual([
      `${INBOX_CHANNEL} conversation-created {"conversationId":"c1"}`,
      `${INBOX_CHANNEL} conversation-updated {"conversationId":"c2","lastMessageId":"m2"}`,
      `${INBOX_CHANNEL} conversation-updated {"conversationId":"c3","lastMessageId":"m3"}`,
      // Our own replies do not make anything unread.
      `${INBOX_CHANNEL} unread-counts-changed {"conversationIds":["c1","c2"]}`,
      `${conversationChannel("c1")} message-created {"messageId":"m1","conversationId":"c1","direction":"inbound"}`,
      `${conversationChannel("c2")} message-created {"messageId":"m2","conversationId":"c2","direction":"inbound"}`,
      `${conversationChannel("c3")} message-created {"messageId":"m3","conversationId":"c3","direction":"outbound"}`,
      `${conversationChannel("c2")} reaction-changed {"conversationId":"c2","targetWamid":"w1"}`,
    ]);
  });

  it("keeps every event far below Pusher's 10 KB, however many conversations change at once", () => {
    const changes = emptyInboxChanges();
    changes.messagesCreated = Array.from({ length: 1000 }, (_, index) => ({
      id: `cm${"x".repeat(22)}${index}`,
      conversationId: `cc${"y".repeat(22)}${index}`,
      direction: "inbound" as const,
    }));
    changes.statusesChanged = [
      {
        id: "m",
        wamid: "w",
        conversationId: "c",
        status: "failed",
        statusAt: new Date(0),
        errorCode: 131047,
        errorTitle: "x".repeat(50_000),
      },
    ];
    const events = realtimeEventsFor(changes);
    const unread = events.filter((event) => event.name === "unread-counts-changed");
    expect(unread).toHaveLength(10);
    for (const event of events) expect(JSON.stringify(event.data).length).toBeLessThan(4_000);
  });
});

describe("channel names", () => {
  it("recognises only the channels this app uses", () => {
    expect(parseChannelName("private-inbox")).toEqual({ kind: "inbox" });
    expect(parseChannelName("private-conversation-cv_1-a")).toEqual({ kind: "conversation", conversationId: "cv_1-a" });
    expect(parseChannelName("presence-conversation-abc")).toEqual({
      kind: "conversation-presence",
      conversationId: "abc",
    });
    for (const name of [
      "inbox",
      "private-inboxes",
      "private-conversation-",
      "private-conversation-a.b",
      "presence-inbox",
    ]) {
      expect(parseChannelName(name), name).toBeNull();
    }
  });
});

describe("PUSHER_* settings", () => {
  const parse = (env: Record<string, string>) => envSchema.safeParse(env);

  it("uses the local server when nothing is set, with credentials generated once into DATA_DIR", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "pusher-local-"));
    const env = envSchema.parse({ DATA_DIR: dataDir });
    expect(usesLocalPusherServer(env)).toBe(true);
    const first = getLocalPusherServerConfig(env);
    const second = getLocalPusherServerConfig(envSchema.parse({ DATA_DIR: dataDir, PUSHER_LOCAL_PORT: "7001" }));
    expect(second).toEqual({ ...first, port: 7001 });
    expect(first).toMatchObject({ host: "127.0.0.1", port: 6001 });
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    const file = join(dataDir, "pusher-local.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({
      appId: first.appId,
      key: first.key,
      secret: first.secret,
    });
  });

  it("accepts hosted Pusher or a custom host, and refuses half a configuration", () => {
    const credentials = { PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s" };
    expect(parse({ ...credentials, PUSHER_CLUSTER: "eu" }).success).toBe(true);
    const custom = parse({
      ...credentials,
      PUSHER_HOST: "ws.example.com",
      PUSHER_PORT: "6001",
      PUSHER_USE_TLS: "false",
    });
    expect(custom.data).toMatchObject({ PUSHER_PORT: 6001, PUSHER_USE_TLS: false });
    expect(usesLocalPusherServer(custom.data!)).toBe(false);

    const refused = (env: Record<string, string>) => {
      const saved = { ...process.env };
      Object.assign(process.env, env);
      try {
        reloadEnv();
        return "";
      } catch (error) {
        return (error as Error).message;
      } finally {
        for (const name of Object.keys(env)) delete process.env[name];
        Object.assign(process.env, saved);
      }
    };
    expect(refused({ PUSHER_KEY: "k", PUSHER_CLUSTER: "eu" })).toMatch(/PUSHER_APP_ID.*\n.*PUSHER_SECRET/);
    expect(refused(credentials)).toMatch(/PUSHER_CLUSTER: set PUSHER_CLUSTER .* or PUSHER_HOST/);
    expect(refused({ ...credentials, PUSHER_HOST: "h", PUSHER_PORT: "http" })).toMatch(/PUSHER_PORT/);
    expect(refused({ ...credentials, PUSHER_HOST: "h" })).toBe("");
  });
});

describe("the browser's pusher-js settings", () => {
  const credentials = { PUSHER_APP_ID: "1", PUSHER_KEY: "public-key", PUSHER_SECRET: "the-secret" };
  const configWith = (env: Record<string, string>, requestHostname: string | null = "inbox.example.com") => {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      reloadEnv();
      return getRealtimeClientConfig({ requestHostname });
    } finally {
      for (const name of Object.keys(env)) delete process.env[name];
      Object.assign(process.env, saved);
      reloadEnv();
    }
  };
  const common = {
    key: "public-key",
    authEndpoint: "/api/realtime/auth",
    userAuthEndpoint: "/api/realtime/user-auth",
  };

  it("names hosted Pusher's cluster, a custom host, or the app's own host name for a loopback server", () => {
    expect(configWith({ ...credentials, PUSHER_CLUSTER: "eu" })).toEqual({
      ...common,
      cluster: "eu",
      wsHost: null,
      wsPort: null,
      forceTLS: true,
    });
    expect(configWith({ ...credentials, PUSHER_HOST: "ws.example.com", PUSHER_PORT: "6443" })).toEqual({
      ...common,
      cluster: "",
      wsHost: "ws.example.com",
      wsPort: 6443,
      forceTLS: true,
    });
    const local = { ...credentials, PUSHER_HOST: "127.0.0.1", PUSHER_PORT: "6001", PUSHER_USE_TLS: "false" };
    expect(configWith(local)).toMatchObject({ wsHost: "inbox.example.com", wsPort: 6001, forceTLS: false });
    expect(configWith({ ...local, PUSHER_PUBLIC_URL: "wss://realtime.example.com" })).toMatchObject({
      wsHost: "realtime.example.com",
      wsPort: 443,
      forceTLS: true,
    });
    expect(JSON.stringify(configWith(local))).not.toContain("the-secret");
    expect(envSchema.safeParse({ PUSHER_PUBLIC_URL: "https://realtime.example.com" }).success).toBe(false);
  });
});
