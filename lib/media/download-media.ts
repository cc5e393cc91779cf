import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { claimDueMedia, markMediaAttemptFailed, markMediaStored, type MediaJob } from "@/lib/db/media";
import { emptyInboxChanges } from "@/lib/realtime/changes";
import { publishInboxChanges } from "@/lib/inbox/publish-inbox-changes";
import { getGraphApiConfig } from "@/lib/settings/get-graph-api-config";
import { createGraphClient, type GraphClient, type GraphFailure } from "@/lib/whatsapp/graph-client";
import { normaliseSha256, storedContentType } from "./media-types";
import { getMediaStorage } from "./storage";

/** Meta's largest media (documents): anything bigger is not a file Meta would hand us. */
export const MAX_MEDIA_BYTES = 100 * 1024 * 1024;
/** Downloads at a time per process: enough to overlap network waits, little memory. */
const PARALLEL_DOWNLOADS = 4;
const LEASE_MS = 5 * 60_000;
/** No (valid) token: look again this often, besides being woken when one is saved. */
const TOKEN_WAIT_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 30 * 60_000;

export type MediaDrainSummary = { stored: number; failed: number; retrying: number };

type Outcome =
  { kind: "stored" } | { kind: "retry"; error: string; waitingForToken?: boolean } | { kind: "failed"; error: string };

/**
 * Downloads due media files (the job of each inbound media message): `GET /{media-id}` with the
 * access token, then the short-lived URL with the same token, the bytes checked against the sha256
 * Meta gave, stored by content. Each outcome is published, so the bubble changes live.
 */
export async function downloadDueMedia({ now }: { now?: Date } = {}): Promise<MediaDrainSummary> {
  const summary: MediaDrainSummary = { stored: 0, failed: 0, retrying: 0 };
  for (;;) {
    const jobs = await claimDueMedia({ db: getDb(), limit: PARALLEL_DOWNLOADS, leaseMs: LEASE_MS, now });
    if (jobs.length === 0) return summary;
    const config = await getGraphApiConfig();
    const client = config.accessToken
      ? createGraphClient({ baseUrl: config.baseUrl, version: config.version, accessToken: config.accessToken })
      : null;
    await Promise.all(
      jobs.map(async (job) => {
        const outcome = await downloadOne({ job, client, now: now ?? new Date() }).catch((error: unknown): Outcome => ({
          kind: "retry",
          error: `Storing the file failed: ${(error as Error).message}`,
        }));
        await record(job, outcome);
        summary[outcome.kind === "stored" ? "stored" : outcome.kind === "failed" ? "failed" : "retrying"] += 1;
      }),
    );
  }
}

async function downloadOne({
  job,
  client,
  now,
}: {
  job: MediaJob;
  client: GraphClient | null;
  now: Date;
}): Promise<Outcome> {
  if (now >= job.expiresAt) {
    return {
      kind: "failed",
      error: "Meta keeps a customer's media for 7 days, and this file was not downloaded in time.",
    };
  }
  if (!client) {
    return {
      kind: "retry",
      waitingForToken: true,
      error: "Waiting for an access token: the download starts once one is saved in Settings → WhatsApp.",
    };
  }
  const media = await client.getMedia(job.mediaId);
  if (!media.ok) return graphFailureOutcome(media.failure);
  const download = await client.downloadMedia(media.data.url, { maxBytes: MAX_MEDIA_BYTES });
  if (!download.ok) {
    if (download.reason === "too_large") return { kind: "failed", error: "The file is larger than Meta's 100 MB." };
    // An expired URL (they live about 5 minutes) or a broken connection: the next attempt asks
    // Meta for a fresh URL.
    return { kind: "retry", error: `Downloading from Meta failed (${download.message}); retrying.` };
  }
  const sha256 = createHash("sha256").update(download.bytes).digest("hex");
  const expected = normaliseSha256(media.data.sha256) ?? normaliseSha256(job.webhookSha256);
  if (expected !== null && expected !== sha256) {
    return {
      kind: "failed",
      error: `The downloaded file does not match the sha256 Meta gave (${expected.slice(0, 12)}…, got ${sha256.slice(0, 12)}…), so it was not kept.`,
    };
  }
  await getMediaStorage().put({ sha256, bytes: download.bytes });
  await markMediaStored({
    db: getDb(),
    messageId: job.messageId,
    sha256,
    mimeType: storedContentType(media.data.mime_type ?? download.contentType),
    size: download.bytes.byteLength,
  });
  return { kind: "stored" };
}

function graphFailureOutcome(failure: GraphFailure): Outcome {
  if (failure.kind === "meta" && failure.code === 190) {
    return {
      kind: "retry",
      waitingForToken: true,
      error: "The access token is invalid or expired: the download resumes once a new one is saved.",
    };
  }
  if (failure.kind === "meta" && (failure.code === 100 || failure.httpStatus === 404)) {
    console.warn(`[media] Meta refused a media id: ${failure.code} ${failure.message}`);
    return {
      kind: "failed",
      error: `Meta does not know this media id any more: it expired or was deleted (Meta error ${failure.code}).`,
    };
  }
  const reason = failure.kind === "meta" ? `${failure.code}: ${failure.message.slice(0, 200)}` : failure.message;
  return { kind: "retry", error: `Meta could not be asked for the file (${reason}); retrying.` };
}

async function record(job: MediaJob, outcome: Outcome): Promise<void> {
  const db = getDb();
  if (outcome.kind === "failed") {
    await markMediaAttemptFailed({ db, messageId: job.messageId, error: outcome.error, retryInMs: null });
  } else if (outcome.kind === "retry") {
    // 1 s, 2 s, 4 s … up to 30 minutes; the 7-day limit ends it.
    const delayMs = outcome.waitingForToken
      ? TOKEN_WAIT_MS
      : Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(20, Math.max(0, job.attempts - 1)));
    await markMediaAttemptFailed({
      db,
      messageId: job.messageId,
      error: outcome.error,
      retryInMs: delayMs,
      waitingForToken: outcome.waitingForToken ?? false,
    });
  }
  await publishInboxChanges({
    ...emptyInboxChanges(),
    messagesUpdated: [{ id: job.messageId, conversationId: job.conversationId }],
  });
}

let draining: Promise<void> | null = null;
let drainAgain = false;

/** Starts (or extends) this process's download loop; never throws (the recovery loop retries). */
export function requestMediaDrain(): Promise<void> {
  if (draining) {
    drainAgain = true;
    return draining;
  }
  draining = (async () => {
    try {
      do {
        drainAgain = false;
        await downloadDueMedia();
      } while (drainAgain);
    } catch (error) {
      console.error("[media] downloading failed, the next poll retries", (error as Error).message);
    } finally {
      draining = null;
    }
  })();
  return draining;
}
