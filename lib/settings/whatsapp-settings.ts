import "server-only";
import { WEBHOOK_SETTING_KEYS } from "@/lib/settings/webhook-config";
import type { Env } from "@/lib/env";
import type { WhatsAppSettingName } from "@/lib/views/settings";

/** Meta's current Graph API version when this was written (graph-api/changelog). */
export const DEFAULT_GRAPH_API_VERSION = "v26.0";

type SettingDefinition = {
  /** Row in `settings`. */
  key: string;
  /** The environment variable that overrides it (and locks it on the settings page). */
  envVar: keyof Env & `WHATSAPP_${string}`;
  label: string;
  /** Secrets are stored encrypted and only ever shown masked. */
  secret: boolean;
};

export const WHATSAPP_SETTINGS: Record<WhatsAppSettingName, SettingDefinition> = {
  appSecret: { key: WEBHOOK_SETTING_KEYS.appSecret, envVar: "WHATSAPP_APP_SECRET", label: "App Secret", secret: true },
  verifyToken: {
    key: WEBHOOK_SETTING_KEYS.verifyToken,
    envVar: "WHATSAPP_VERIFY_TOKEN",
    label: "Verify token",
    secret: true,
  },
  webhookKey: {
    key: WEBHOOK_SETTING_KEYS.webhookKey,
    envVar: "WHATSAPP_WEBHOOK_KEY",
    label: "Webhook key",
    secret: true,
  },
  accessToken: {
    key: "whatsapp.access_token",
    envVar: "WHATSAPP_ACCESS_TOKEN",
    label: "Access token",
    secret: true,
  },
  graphApiVersion: {
    key: "whatsapp.graph_api_version",
    envVar: "WHATSAPP_GRAPH_API_VERSION",
    label: "Graph API version",
    secret: false,
  },
  readReceipts: {
    key: "whatsapp.read_receipts",
    envVar: "WHATSAPP_READ_RECEIPTS",
    label: "Read receipts",
    secret: false,
  },
};

export const READ_RECEIPT_MODES = ["on_reply", "on_open", "never"] as const;
export type ReadReceiptMode = (typeof READ_RECEIPT_MODES)[number];
/** Blue ticks when an agent starts replying: the customer learns someone is on it, not that a tab was opened. */
export const DEFAULT_READ_RECEIPTS: ReadReceiptMode = "on_reply";

export const WHATSAPP_SETTING_NAMES = Object.keys(WHATSAPP_SETTINGS) as WhatsAppSettingName[];

/** The settings-page label of a stored key, for the audit log. */
export function labelOfSettingKey(key: string): string {
  return (
    WHATSAPP_SETTING_NAMES.map((name) => WHATSAPP_SETTINGS[name]).find((setting) => setting.key === key)?.label ?? key
  );
}
