// Who may listen: channel authorization through /api/realtime/auth (signed-in users only, our
// channel names only, presence carrying who is viewing) and the public config the browser reads.
import type { Members, PresenceChannel } from "pusher-js";
import { afterEach, describe, expect, inject, it } from "vitest";
import {
  conversationChannel,
  conversationPresenceChannel,
  INBOX_CHANNEL,
  type PresenceUserInfo,
} from "../../lib/realtime/channels";
import { createTestUser, signedIn, signInBootstrapAdmin } from "../support/accounts";
import { HttpSession } from "../support/http-session";
import { connectRealtime, disconnectRealtimeClients, postChannelAuth, subscribed, within } from "../support/realtime";

afterEach(() => disconnectRealtimeClients());

const someConversation = () => `conv${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

describe("GET /api/realtime/config", () => {
  it("gives a signed-in browser the key, host and port of the Pusher server, never the secret", async () => {
    const pusher = inject("pusher");
    const response = await (await signInBootstrapAdmin()).request("/api/realtime/config");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(pusher.secret);
    expect(JSON.parse(text)).toEqual({
      realtime: {
        key: pusher.key,
        cluster: "",
        wsHost: "127.0.0.1",
        wsPort: pusher.port,
        forceTLS: false,
        authEndpoint: "/api/realtime/auth",
        userAuthEndpoint: "/api/realtime/user-auth",
      },
    });
  });

  it("is not for anonymous visitors", async () => {
    const response = await new HttpSession().request("/api/realtime/config");
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain(inject("pusher").secret);
  });
});

describe("POST /api/realtime/auth", () => {
  it("refuses anonymous visitors, and pusher-js reports the subscription as refused", async () => {
    const anonymous = new HttpSession();
    const response = await postChannelAuth(anonymous, "1234.5678", INBOX_CHANNEL);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });

    // The socket itself connects (the key is public), but no channel can be joined without a session.
    const client = await connectRealtime(anonymous, await signInBootstrapAdmin());
    await expect(subscribed(client, INBOX_CHANNEL)).rejects.toThrow(/refused/);
    await expect(subscribed(client, conversationPresenceChannel(someConversation()))).rejects.toThrow(/refused/);
  });

  it("signs our channels for a signed-in user, checkable with the app secret", async () => {
    const admin = await signInBootstrapAdmin();
    const client = await connectRealtime(admin);
    await subscribed(client, INBOX_CHANNEL);
    await subscribed(client, conversationChannel(someConversation()));

    const response = await postChannelAuth(admin, "1234.5678", INBOX_CHANNEL);
    expect(response.status).toBe(200);
    const { auth } = (await response.json()) as { auth: string };
    expect(auth).toMatch(new RegExp(`^${inject("pusher").key}:[0-9a-f]{64}$`));
  });

  it("refuses channels this app does not use, and malformed or cross-site requests", async () => {
    const admin = await signInBootstrapAdmin();
    for (const name of [
      "private-admin",
      "presence-inbox",
      "private-conversation-",
      "private-conversation-a/b",
      "public",
    ]) {
      const response = await postChannelAuth(admin, "1234.5678", name);
      expect(response.status, name).toBe(403);
    }
    const badSocket = await postChannelAuth(admin, "not-a-socket", INBOX_CHANNEL);
    expect(badSocket.status).toBe(422);
    expect(((await badSocket.json()) as { error: { message: string } }).error.message).toMatch(/socket_id/);
    const missing = await admin.request("/api/realtime/auth", {
      method: "POST",
      body: "socket_id=1234.5678",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(missing.status).toBe(422);

    const form = new URLSearchParams({ socket_id: "1234.5678", channel_name: INBOX_CHANNEL }).toString();
    const formHeaders = { "content-type": "application/x-www-form-urlencoded" };
    const foreign = await admin.request("/api/realtime/auth", {
      method: "POST",
      body: form,
      headers: { ...formHeaders, origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    const noOrigin = await admin.request("/api/realtime/auth", {
      method: "POST",
      body: form,
      headers: { ...formHeaders, origin: null },
    });
    expect(noOrigin.status).toBe(403);
    const json = await admin.request("/api/realtime/auth", {
      method: "POST",
      json: { socket_id: "1234.5678", channel_name: INBOX_CHANNEL },
    });
    expect(json.status).toBe(415);
  });
});

describe("presence", () => {
  it("lists the signed-in users viewing a conversation, with name and role", async () => {
    const adminSession = await signInBootstrapAdmin();
    const agent = await createTestUser(adminSession, { role: "agent" });
    const agentSession = await signedIn(agent.email, agent.password);
    const me = async (session: HttpSession) =>
      ((await (await session.request("/api/users/me")).json()) as { user: { id: string; name: string } }).user;
    const admin = await me(adminSession);
    const channelName = conversationPresenceChannel(someConversation());

    const adminChannel = await subscribed<PresenceChannel>(await connectRealtime(adminSession), channelName);
    const joined = within<{ id: string; info: PresenceUserInfo }>(10_000, "member_added", (resolve) =>
      adminChannel.bind("pusher:member_added", resolve),
    );
    const agentChannel = await subscribed<PresenceChannel>(await connectRealtime(agentSession), channelName);

    const viewers = (members: Members) => {
      const list: { id: string; info: PresenceUserInfo }[] = [];
      members.each((member: { id: string; info: PresenceUserInfo }) => list.push(member));
      return list.sort((a, b) => a.id.localeCompare(b.id));
    };
    const expected = [
      { id: admin.id, info: { name: admin.name, role: "admin" } },
      { id: agent.id, info: { name: agent.name, role: "agent" } },
    ].sort((a, b) => a.id.localeCompare(b.id));
    expect(agentChannel.members.count).toBe(2);
    expect(viewers(agentChannel.members)).toEqual(expected);
    expect(agentChannel.members.me).toMatchObject({ id: agent.id });
    expect(await joined).toEqual({ id: agent.id, info: { name: agent.name, role: "agent" } });
    expect(adminChannel.members.count).toBe(2);
  });
});
