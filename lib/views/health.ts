// What the webhook health API answers and its page renders — shared by lib/ingest (server) and
// components/health (browser). Types only: no server imports here.
import type { SendingStatusView } from "./inbox";

export type AckLatencySummary = {
  count: number;
  /** Upper bound of the bucket holding the percentile; null when nothing was recorded. */
  p50Ms: number | null;
  p99Ms: number | null;
  overOneSecondRatio: number;
  meetsMetaStandard: boolean;
};

export type Seen = { count: number; lastAt: string | null; lastDetail: string | null };
export type WebhookHealth = {
  generatedAt: string;
  verification: { lastAt: string; succeeded: boolean; detail: string | null } | null;
  signatureFailures: Seen & { missing: number; invalid: number };
  wrongKey: Seen;
  tooLarge: Seen;
  duplicates: Seen;
  fields: { field: string; count: number; lastAt: string }[];
  numbers: {
    phoneNumberId: string;
    label: string;
    lastMessageAt: string | null;
    lastStatusAt: string | null;
  }[];
  quietWarning: string | null;
  backlog: { pending: number; lagSeconds: number | null; failed: number; processed: number };
  failedEvents: { id: string; receivedAt: string; attempts: number; error: string }[];
  /** Errors Meta reported for a whole number (value.errors[] of a messages change), newest first. */
  numberErrors: {
    phoneNumberId: string | null;
    at: string;
    code: number | null;
    title: string;
    details: string | null;
  }[];
  ackLatency: AckLatencySummary;
  /** Whether replies can leave (paused by Meta's 190 / 368 / 131031, or no token), and the queue. */
  sending: SendingStatusView & { queued: number; oldestQueuedSeconds: number | null };
};

export type IngestionOverview =
  { ok: true; events: { pending: number; processed: number; failed: number } } | { ok: false; message: string };
