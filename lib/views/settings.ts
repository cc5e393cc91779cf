// What the settings API answers and the settings pages render — shared by lib/settings (server) and
// components/settings (browser). Types only: no server imports here.
import type { AutoAssignmentView } from "./assignment";

/** The settings an admin can change on Settings → WhatsApp connection (lib/settings/schemas.ts checks it). */
export type WhatsAppSettingName =
  "appSecret" | "verifyToken" | "webhookKey" | "accessToken" | "graphApiVersion" | "readReceipts";

export type SettingView = {
  name: WhatsAppSettingName;
  label: string;
  envVar: string;
  /** env: set by the environment variable (locked); stored: saved here; unset: neither. */
  source: "env" | "stored" | "unset";
  /** Secrets: the last 4 characters at most. Other settings: the value. */
  display: string | null;
  /** Stored by the app itself at first start, never set by an admin. */
  generated: boolean;
  updatedAt: string | null;
  /** Why the stored value cannot be used, when it cannot. */
  problem: string | null;
};

export type WhatsAppSettingsView = {
  settings: Record<WhatsAppSettingName, SettingView>;
  /** The callback URL to paste into Meta, with the webhook key masked. */
  callbackUrlMasked: string;
  /** The callback URL without its key, for building the full one in the browser after a rotation. */
  callbackUrlBase: string;
  graphApiUrl: string;
  graphApiVersion: string;
  encryption: { ready: boolean; source: "env" | "file" | null; problem: string | null };
};

export type TestConnectionResult =
  | {
      ok: true;
      graphApiVersion: string;
      phoneNumber: {
        id: string;
        displayPhoneNumber: string | null;
        verifiedName: string | null;
        qualityRating: string | null;
        codeVerificationStatus: string | null;
        platformType: string | null;
        nameStatus: string | null;
        throughputLevel: string | null;
      };
    }
  | {
      ok: false;
      graphApiVersion: string;
      /** What it means and what to do, in words. */
      message: string;
      /** Meta's own error, when Meta answered with one. */
      meta: {
        code: number;
        subcode: number | null;
        type: string | null;
        message: string;
        fbtraceId: string | null;
      } | null;
    };

export type PhoneNumberView = {
  id: string;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  name: string | null;
  wabaId: string | null;
  firstSeenAt: string;
  /** Round-robin of new conversations to online agents (Settings → WhatsApp). */
  autoAssignment: AutoAssignmentView;
};
