// Deactivation, sign-out and password changes end the user's live realtime connections: the socket
// the browser had open (signed in with pusher:signin) is closed by the Pusher server, so it stops
// receiving events.
import type PusherClient from "pusher-js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { INBOX_CHANNEL } from "../../lib/realtime/channels";
import { createTestUser, signedIn, signInBootstrapAdmin, type TestUser } from "../support/accounts";
import { HttpSession } from "../support/http-session";
import { connectRealtime, disconnectRealtimeClients, subscribed } from "../support/realtime";
import { eventually } from "../support/webhooks";

let admin: HttpSession;

beforeAll(async () => {
  admin = await signInBootstrapAdmin();
});
afterEach(() => disconnectRealtimeClients());

async function liveAgent(existing?: TestUser) {
  const user = existing ?? (await createTestUser(admin));
  const session = await signedIn(user.email, user.password);
  const client = await liveSocket(session, user.id);
  return { user, session, client };
}

async function liveSocket(session: HttpSession, userId: string) {
  const client = await connectRealtime(session);
  await subscribed(client, INBOX_CHANNEL);
  await client.user.signinDonePromise;
  expect((client.user.user_data as { id?: string } | null)?.id).toBe(userId);
  return client;
}

const stateOf = (client: PusherClient) => client.connection.state as string;

describe("ending a user's live connections", () => {
  it("deactivation closes the user's open socket", async () => {
    const agent = await liveAgent();
    const bystander = await liveAgent();
    const response = await admin.request(`/api/users/${agent.user.id}/deactivate`, { method: "POST", json: {} });
    expect(response.status).toBe(200);
    await eventually(async () => stateOf(agent.client) === "disconnected", "the socket to be closed");
    expect(stateOf(bystander.client)).toBe("connected");
    // And it cannot come back: no session, so no channel authorization or signin.
    expect((await agent.session.request("/api/users/me")).status).toBe(401);
  });

  it("signing out closes the user's open socket", async () => {
    const agent = await liveAgent();
    expect((await agent.session.request("/api/auth/sign-out", { method: "POST", json: {} })).status).toBe(200);
    await eventually(async () => stateOf(agent.client) === "disconnected", "the socket to be closed");
  });

  it("changing one's own password closes the other browsers' sockets; this browser connects again", async () => {
    const laptop = await liveAgent();
    const phone = await liveAgent(laptop.user);
    const response = await laptop.session.request("/api/users/me/password", {
      method: "POST",
      json: { currentPassword: laptop.user.password, newPassword: "a-changed-password" },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    await eventually(async () => stateOf(phone.client) === "disconnected", "the other browser's socket to be closed");
    expect((await phone.session.request("/api/users/me")).status).toBe(401);
    // Pusher ends all of a user's sockets at once: this browser's too, but its new session signs a new one.
    await eventually(async () => stateOf(laptop.client) === "disconnected", "this browser's socket to be closed");
    await liveSocket(laptop.session, laptop.user.id);
  });

  it("a password reset by link closes the user's open socket", async () => {
    const agent = await liveAgent();
    const made = await admin.request(`/api/users/${agent.user.id}/password-reset`, { method: "POST" });
    expect(made.status).toBe(201);
    const { reset } = (await made.json()) as { reset: { link: string } };
    // Making the link changes nothing yet; using it does.
    expect(stateOf(agent.client)).toBe("connected");
    const response = await new HttpSession().request("/api/password-reset", {
      method: "POST",
      json: { token: new URL(reset.link).hash.slice(1), password: "a-reset-password" },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    await eventually(async () => stateOf(agent.client) === "disconnected", "the socket to be closed");
  });

  it("user authentication is only signed for a signed-in user", async () => {
    const anonymous = new HttpSession();
    const response = await anonymous.request("/api/realtime/user-auth", {
      method: "POST",
      body: "socket_id=1.1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(401);
  });
});
