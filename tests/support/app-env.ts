// The environment of an integration test's own `next start` (and worker): its fresh database, the
// Graph API stand-in, secrets of its own, a first admin created at start-up, and the run's bundled
// Pusher server (tests/support/global-setup.ts). Callers add what their test is about.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";

export function appServerEnv({
  databaseUrl,
  graphUrl,
  appSecret,
  webhookKey,
  verifyToken,
  admin,
}: {
  databaseUrl: string;
  graphUrl: string;
  appSecret: string;
  webhookKey: string;
  verifyToken: string;
  admin: { email: string; password: string };
}): Record<string, string> {
  const pusher = inject("pusher");
  return {
    DATABASE_URL: databaseUrl,
    WHATSAPP_GRAPH_API_URL: graphUrl,
    WHATSAPP_APP_SECRET: appSecret,
    WHATSAPP_WEBHOOK_KEY: webhookKey,
    WHATSAPP_VERIFY_TOKEN: verifyToken,
    APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    PUSHER_APP_ID: pusher.appId,
    PUSHER_KEY: pusher.key,
    PUSHER_SECRET: pusher.secret,
    PUSHER_HOST: pusher.host,
    PUSHER_PORT: String(pusher.port),
    PUSHER_USE_TLS: "false",
  };
}
