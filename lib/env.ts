// Every environment variable the app reads, validated once. Documented in README → Configuration.
import { z } from "zod";
import { parseTrustProxy } from "@/lib/http/forwarding";
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
  /** Whose X-Forwarded-* headers to believe: unset/false (none), true (every peer), or proxy addresses/CIDRs. */
  TRUST_PROXY: optionalString.pipe(
    z
      .string()
      .refine(
        (value) => parseTrustProxy(value) !== null,
        "TRUST_PROXY must be true, false, or a comma-separated list of proxy IP addresses or CIDR ranges (10.0.0.5,10.1.0.0/16)",
      )
      .optional(),
  ),
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
  /** When customers get blue ticks: when an agent starts replying (default), opens the conversation, or never. */
  WHATSAPP_READ_RECEIPTS: optionalString.pipe(
    z
      .enum(["on_reply", "on_open", "never"], {
        message: 'WHATSAPP_READ_RECEIPTS must be "on_reply", "on_open" or "never"',
      })
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
  /** An S3-compatible bucket for media files instead of DATA_DIR/media (the AWS SDK's credential chain applies). */
  S3_BUCKET: optionalString,
  S3_REGION: optionalString,
  /** An S3-compatible service's URL (MinIO, R2, Backblaze…); unset: AWS S3 itself. */
  S3_ENDPOINT: optionalString.pipe(
    z.url({ message: "S3_ENDPOINT must be an absolute URL such as https://s3.eu-west-1.amazonaws.com" }).optional(),
  ),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  /** Bucket in the path (http://host/bucket/key), as most S3-compatible services want; default true with S3_ENDPOINT. */
  S3_FORCE_PATH_STYLE: optionalString.pipe(
    z
      .enum(["true", "false"], { message: 'S3_FORCE_PATH_STYLE must be "true" or "false"' })
      .transform((value) => value === "true")
      .optional(),
  ),
  /** Keys go under this prefix in the bucket (e.g. "inbox/media/"). */
  S3_PREFIX: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9!_.*'()/-]{1,200}$/, "S3_PREFIX may hold only letters, digits and ! _ . * ' ( ) / -")
      .optional(),
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Processed raw webhook bodies are deleted after this many days (failed ones are kept until replayed). */
  RAW_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How long the webhook ack waits for the database to store an event before answering 503 (Meta retries). */
  WEBHOOK_STORE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
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
  /** How long a send waits for Meta's answer before its outcome is unknown (never re-sent automatically). */
  SEND_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(15_000),
  /** Meta's pair rate: at most SEND_PAIR_BURST messages to one customer per SEND_PAIR_BURST × SEND_PAIR_INTERVAL_MS. */
  SEND_PAIR_BURST: z.coerce.number().int().min(1).max(100).default(5),
  SEND_PAIR_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(6_000),
  /** "off" keeps this process out of sending (npm start sets it for the server when workers run). */
  SEND_WORKER: z.enum(["on", "off"], { message: 'SEND_WORKER must be "on" or "off"' }).default("on"),
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
  /** Outgoing mail (password reset links): smtp://user:pass@host:587 or smtps://…:465. Unset: no mail. */
  SMTP_URL: optionalString.pipe(
    z
      .url({ message: "SMTP_URL must be a URL such as smtp://user:password@smtp.example.com:587" })
      .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// (STARTTLS when offered) or smtps:// (TLS)")
      .optional(),
  ),
  /** The From of that mail: an address, or "Name <address>". */
  SMTP_FROM: optionalString.pipe(
    z
      .string()
      .regex(
        /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
        'SMTP_FROM must be an address or "Name <address>", e.g. "Support <support@example.com>"',
      )
      .optional(),
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
  /**
   * The Cloud API sandbox (README → Sandbox): "auto" — on while no access token is configured;
   * "on" — its routes answer even with real credentials; "off" — never.
   */
  SANDBOX: z.enum(["auto", "on", "off"], { message: 'SANDBOX must be "auto", "on" or "off"' }).default("auto"),
  /** Where the sandbox's Graph API stand-in listens (`npm start` sets it when it runs one). */
  SANDBOX_URL: optionalString.pipe(
    z
      .url({ message: "SANDBOX_URL must be an absolute URL such as http://127.0.0.1:3100" })
      .transform((value) => value.replace(/\/+$/, ""))
      .optional(),
  ),
  /** `npm start`: the stand-in's port (0: any free one). */
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /**
   * The secret the sandbox signs its webhooks with (`npm start` makes a new one each time it runs
   * one): never a real App Secret, and accepted only while the sandbox is available.
   */
  SANDBOX_WEBHOOK_SECRET: optionalString.pipe(z.string().min(16).optional()),
  /** The sandbox's delay before each status webhook (sent, then delivered), in ms. */
  SANDBOX_STATUS_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(400),
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
  checkS3Env(env, context);
});

// Half an S3 configuration would quietly keep media on local disk: say what is missing instead.
function checkS3Env(env: Env, context: z.RefinementCtx): void {
  if ((env.S3_ACCESS_KEY_ID === undefined) !== (env.S3_SECRET_ACCESS_KEY === undefined)) {
    context.addIssue({
      code: "custom",
      path: [env.S3_ACCESS_KEY_ID === undefined ? "S3_ACCESS_KEY_ID" : "S3_SECRET_ACCESS_KEY"],
      message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together",
    });
  }
  const others = ["S3_REGION", "S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_PREFIX", "S3_FORCE_PATH_STYLE"] as const;
  const set = others.filter((name) => env[name] !== undefined);
  if (env.S3_BUCKET === undefined && set.length > 0) {
    context.addIssue({
      code: "custom",
      path: ["S3_BUCKET"],
      message: `S3_BUCKET is required with ${set.join(", ")} (or unset them all to keep media in DATA_DIR/media)`,
    });
  }
}

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
