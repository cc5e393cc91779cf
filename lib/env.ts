// Every environment variable the app reads, validated once. Documented in README → Configuration.
import { z } from "zod";
import { decodeEncryptionKey } from "@/lib/settings/encryption";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url({ message: "APP_URL must be an absolute URL such as https://inbox.example.com" }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().default(".data"),
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_WEBHOOK_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,128}$/, "WHATSAPP_WEBHOOK_KEY must be 16–128 characters of A–Z a–z 0–9 _ -")
      .optional(),
  ),
  /** System user access token for the Graph API (sending, "Test connection"); wins over the stored one. */
  WHATSAPP_ACCESS_TOKEN: optionalString,
  /** Graph API version such as v26.0; wins over the one chosen on the settings page. */
  WHATSAPP_GRAPH_API_VERSION: optionalString.pipe(
    z
      .string()
      .regex(/^v\d{1,3}\.\d{1,2}$/, "WHATSAPP_GRAPH_API_VERSION must look like v26.0")
      .optional(),
  ),
  /** Base URL of the Graph API; tests point it at a local fake. */
  WHATSAPP_GRAPH_API_URL: z
    .url({ message: "WHATSAPP_GRAPH_API_URL must be an absolute URL such as https://graph.facebook.com" })
    .default("https://graph.facebook.com")
    .transform((value) => value.replace(/\/+$/, "")),
  /** 32 bytes (base64 or hex) that encrypt stored secrets. Required in production unless the database is embedded. */
  APP_ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .refine(
        (value) => decodeEncryptionKey(value) !== null,
        "APP_ENCRYPTION_KEY must be 32 bytes, base64 (openssl rand -base64 32) or hex (openssl rand -hex 32)",
      )
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** "false" makes this node ack-only: `npm run worker` processes (scale-out, or a crash test). */
  PROCESS_AFTER_ACK: z
    .enum(["true", "false"], { message: 'PROCESS_AFTER_ACK must be "true" or "false"' })
    .default("true")
    .transform((value) => value === "true"),
  /** "off" stops this server from sweeping up unprocessed events (leave that to `npm run worker`). */
  RECOVERY_LOOP: z.enum(["on", "off"], { message: 'RECOVERY_LOOP must be "on" or "off"' }).default("on"),
  /** npm start only: processing worker processes beside the server (0 = process inside the server). */
  WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** With ADMIN_PASSWORD: creates the first admin at start-up when no user exists (unattended installs). */
  ADMIN_EMAIL: optionalString.pipe(z.email({ message: "ADMIN_EMAIL must be an email address" }).optional()),
  ADMIN_PASSWORD: optionalString.pipe(
    z.string().min(8, "ADMIN_PASSWORD must be at least 8 characters").max(128).optional(),
  ),
  ADMIN_NAME: optionalString,
  /** Signs session cookies. Required in production unless the embedded database is used. */
  BETTER_AUTH_SECRET: optionalString.pipe(
    z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)").optional(),
  ),
  AUTH_SECRET: optionalString.pipe(
    z.string().min(32, "AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)").optional(),
  ),
  /** Realtime: hosted Pusher (with PUSHER_CLUSTER) or a self-hosted Pusher-protocol server (with PUSHER_HOST). */
  PUSHER_APP_ID: optionalString,
  PUSHER_KEY: optionalString,
  PUSHER_SECRET: optionalString,
  PUSHER_CLUSTER: optionalString,
  PUSHER_HOST: optionalString,
  PUSHER_PORT: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number().int().min(1).max(65535).optional(),
  ),
  PUSHER_USE_TLS: z
    .enum(["true", "false"], { message: 'PUSHER_USE_TLS must be "true" or "false"' })
    .default("true")
    .transform((value) => value === "true"),
  /** What the browser connects to when it differs from the server's view (a proxy): ws(s)://host:port. */
  PUSHER_PUBLIC_URL: optionalString.pipe(
    z
      .url({ message: "PUSHER_PUBLIC_URL must be a ws:// or wss:// URL such as wss://realtime.example.com" })
      .regex(/^wss?:\/\//, "PUSHER_PUBLIC_URL must be a ws:// or wss:// URL such as wss://realtime.example.com")
      .optional(),
  ),
  /** The local Pusher-protocol server `npm start` runs when no PUSHER_* is set. */
  PUSHER_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(6001),
  PUSHER_LOCAL_HOST: z.string().default("127.0.0.1"),
});

export type Env = z.infer<typeof envSchema>;

// Half an admin bootstrap is a configuration mistake, not something to ignore silently.
const checkedEnvSchema = envSchema.superRefine((env, context) => {
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    context.addIssue({
      code: "custom",
      path: [env.ADMIN_EMAIL === undefined ? "ADMIN_EMAIL" : "ADMIN_PASSWORD"],
      message: "ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
    });
  }
  checkPusherEnv(env, context);
});

// A Pusher connection is all three credentials plus where to send them; half of one is a mistake.
function checkPusherEnv(env: Env, context: z.RefinementCtx): void {
  const credentials = ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET"] as const;
  const target = env.PUSHER_CLUSTER ?? env.PUSHER_HOST;
  if (!credentials.some((name) => env[name] !== undefined) && target === undefined) return;
  for (const name of credentials) {
    if (env[name] === undefined) {
      context.addIssue({
        code: "custom",
        path: [name],
        message: `${name} is required with the other PUSHER_* settings (or unset them all for the local server)`,
      });
    }
  }
  if (target === undefined) {
    context.addIssue({
      code: "custom",
      path: ["PUSHER_CLUSTER"],
      message: "set PUSHER_CLUSTER (hosted Pusher) or PUSHER_HOST (a self-hosted Pusher-protocol server)",
    });
  }
}

let cached: Env | undefined;

/** Parses process.env once; a bad value stops start-up with every problem listed. */
export function getEnv(): Env {
  if (cached) return cached;
  const result = checkedEnvSchema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = result.data;
  return cached;
}

/** For the start-up script, which sets DATABASE_URL itself when it starts the embedded database. */
export function reloadEnv(): Env {
  cached = undefined;
  return getEnv();
}

export function appUrl(env: Env = getEnv()): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
