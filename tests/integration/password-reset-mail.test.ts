// "Forgot password?" by mail: a second `next start` on the run's database with SMTP_URL pointing at a
// local SMTP server (the smtp-server package) started here, which keeps every mail it is handed.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestUser, signedIn, signIn, signInBootstrapAdmin } from "../support/accounts";
import { HttpSession } from "../support/http-session";
import { type RunningServer, startNextServer } from "../support/processes";

type Mail = { from: string; to: string[]; raw: string };
const mails: Mail[] = [];
let smtp: SMTPServer;
let server: RunningServer;
let admin: HttpSession;
const FROM = "Support Desk <desk@example.com>";

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
        });
        callback();
      });
    },
  });
  smtp.listen(0, "127.0.0.1");
  await once(smtp.server, "listening");
  const { port } = smtp.server.address() as AddressInfo;
  server = await startNextServer({
    DATABASE_URL: inject("databaseUrl"),
    BETTER_AUTH_SECRET: inject("authSecret"),
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    SMTP_FROM: FROM,
  });
  admin = await signInBootstrapAdmin();
});

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const onMailServer = () => new HttpSession({ baseUrl: server.url });

async function forgot(email: string) {
  const response = await onMailServer().request("/api/password-reset/request", { method: "POST", json: { email } });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function mailTo(email: string, count = 1): Promise<Mail[]> {
  await expect.poll(() => mails.filter((mail) => mail.to.includes(email)).length, { timeout: 15_000 }).toBe(count);
  return mails.filter((mail) => mail.to.includes(email));
}

// The text part as sent, quoted-printable soft line breaks undone.
const tokenIn = (mail: Mail) => /reset-password#([A-Za-z0-9_-]{43})/.exec(mail.raw.replace(/=\r?\n/g, ""))?.[1];

describe("Forgot password? with SMTP configured", () => {
  it("mails a one-time link; the password set with it works and the old one does not", async () => {
    const user = await createTestUser(admin);
    const before = await signedIn(user.email, user.password);
    expect(await forgot(user.email.toUpperCase())).toEqual({ status: 200, body: { delivery: "email" } });
    const [mail] = await mailTo(user.email);
    expect(mail!.raw).toContain("From: Support Desk <desk@example.com>");
    expect(mail!.raw).toContain("Subject: Choose a new password for WhatsApp Inbox");
    const token = tokenIn(mail!);
    expect(token).toBeDefined();

    const reset = await onMailServer().request("/api/password-reset", {
      method: "POST",
      json: { token, password: "mailed-new-password" },
    });
    expect(reset.status, await reset.clone().text()).toBe(200);
    expect((await before.request("/api/users/me")).status).toBe(401);
    expect((await signIn(user.email, user.password)).response.status).toBe(401);
    await signedIn(user.email, "mailed-new-password");
  });

  it("answers an unknown or deactivated address exactly as a known one, and mails nothing", async () => {
    const unknown = `nobody-${Date.now()}@example.com`;
    const deactivated = await createTestUser(admin);
    await admin.request(`/api/users/${deactivated.id}/deactivate`, { method: "POST" });
    expect(await forgot(unknown)).toEqual({ status: 200, body: { delivery: "email" } });
    expect(await forgot(deactivated.email)).toEqual({ status: 200, body: { delivery: "email" } });
    // A known address sent after them has its mail delivered: by then theirs would have come too.
    const known = await createTestUser(admin);
    await forgot(known.email);
    await mailTo(known.email);
    expect(mails.some((mail) => mail.to.includes(unknown) || mail.to.includes(deactivated.email))).toBe(false);
  });

  it("mails one link per minute per account, however often the form is sent", async () => {
    const user = await createTestUser(admin);
    await Promise.all([forgot(user.email), forgot(user.email), forgot(user.email)]);
    await mailTo(user.email, 1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mails.filter((mail) => mail.to.includes(user.email))).toHaveLength(1);
  });

  it("also mails the link an admin makes, and says so", async () => {
    const user = await createTestUser(admin);
    const adminHere = await signedIn(inject("adminEmail"), inject("adminPassword"), onMailServer());
    const response = await adminHere.request(`/api/users/${user.id}/password-reset`, { method: "POST" });
    expect(response.status).toBe(201);
    const { reset } = (await response.json()) as { reset: { link: string; emailed: boolean } };
    expect(reset.emailed).toBe(true);
    const [mail] = await mailTo(user.email);
    expect(tokenIn(mail!)).toBe(new URL(reset.link).hash.slice(1));
  });

  it("refuses a malformed email with 422 naming the field", async () => {
    const response = await onMailServer().request("/api/password-reset/request", {
      method: "POST",
      json: { email: "not-an-email" },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^email: /);
  });
});

describe("Forgot password? without SMTP", () => {
  it("tells the person to ask an admin, for any address", async () => {
    const response = await new HttpSession().request("/api/password-reset/request", {
      method: "POST",
      json: { email: inject("adminEmail") },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ delivery: "ask_admin" });
    const page = await (await new HttpSession().request("/forgot-password")).text();
    expect(page).toContain("Ask an admin of this inbox for a reset link");
  });
});
