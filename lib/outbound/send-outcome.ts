// What a Graph API answer means for one send. Meta has no idempotency key, so the line that matters
// is between "proved nothing was sent" (safe to try again), "refused" and "no answer" (it may have
// reached the customer: never sent again without asking the agent).
import type { GraphFailure } from "@/lib/whatsapp/graph-client";
import type { SendErrorView } from "@/lib/views/inbox";

export type SendOutcome =
  | { kind: "sent"; wamid: string }
  /** Refused before acceptance (rate limits): try again after delayMs, within the pacing. */
  | { kind: "retry"; delayMs: number; error: SendErrorView; pairLimited: boolean; numberLimited: boolean }
  | { kind: "failed"; error: SendErrorView; closesWindow: boolean; pausesSending: boolean }
  | { kind: "unknown"; error: SendErrorView };

/** Automatic attempts for a refusal that proved nothing was sent, before it fails with the reason. */
export const MAX_SEND_ATTEMPTS = 6;

// Throughput (130429), pair rate (131056), WABA rate (80007) and the generic Graph rate limits.
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80007, 130429, 131056]);
const PAUSING_CODES = new Set([190, 368, 131031]);

const ADVICE: Record<number, string> = {
  131047:
    "More than 24 hours have passed since the customer last wrote, so WhatsApp only allows an approved template now.",
  131026:
    "WhatsApp could not deliver to this number: the customer may not use WhatsApp, may have an old app, or has not accepted the latest terms. Reach them another way.",
  131048:
    "Meta's spam limit stopped this message: too many recent messages from this number were blocked or reported. Stop sending for now and review what was sent.",
  131049:
    "Meta limits how many marketing messages one customer receives; this one was not delivered to protect their experience. Do not resend it now.",
  190: "The access token has expired or is invalid, so sending is paused for everyone. An admin must save a new system user token on Settings → WhatsApp connection.",
  368: "Meta has temporarily blocked this WhatsApp account for a policy violation, so sending is paused. An admin should check Business Support Home.",
  131031:
    "Meta has locked this WhatsApp Business account, so sending is paused. An admin should check Business Support Home and WhatsApp Manager.",
  131000: "Meta reported an internal error. Try again in a moment.",
  131051: "WhatsApp does not support this kind of message.",
  131052: "The customer's media could not be downloaded.",
  131053: "The media could not be uploaded or fetched.",
  132000:
    "The number of parameters does not match the template Meta approved (it may have been edited since the last sync). An admin can sync templates on Settings → Templates; then send it again.",
  132001:
    "Meta does not know this template in this language: it may have been deleted or never approved in it. Sync templates on Settings → Templates and choose another.",
  132005: "The text with the values filled in is too long for this template. Shorten the values.",
  132007: "The template's text breaks WhatsApp's format rules; an admin should edit it in WhatsApp Manager.",
  132012:
    "A parameter does not have the format the template expects (text, currency, date or media). Check the values and send it again.",
  132015: "Meta has paused this template for low quality. Choose another template, or wait until it is active again.",
  132016: "Meta has disabled this template for low quality; it can no longer be sent. Choose another template.",
  132018:
    "A parameter holds something WhatsApp refuses: new lines, tabs or more than 4 spaces in a row. Edit the values and send it again.",
  100: "Meta rejected a parameter of this message. Check the text and try again.",
  10: "The access token lacks the whatsapp_business_messaging permission. An admin must fix the system user's permissions.",
};

/** Sends to the same customer too fast; Meta asks for about one message every 6 seconds. */
const PAIR_RATE_DELAY_MS = 6_000;

export function classifySendFailure(failure: GraphFailure, attempt: number): SendOutcome {
  if (failure.kind === "network") {
    // The agent reads what happened in words; the host and error code stay below it for an admin.
    const title = failure.timedOut
      ? "Meta did not answer in time"
      : failure.requestSent
        ? "The connection to Meta broke before it answered"
        : "Meta could not be reached";
    const stored = { code: null, title, details: `Technical detail: ${failure.message}.` };
    if (!failure.requestSent && attempt < MAX_SEND_ATTEMPTS) {
      const error = { ...stored, advice: "Meta could not be reached; it will be tried again." };
      return { kind: "retry", delayMs: backoff(attempt, 1_000), error, pairLimited: false, numberLimited: false };
    }
    return failure.requestSent
      ? { kind: "unknown", error: sendErrorView({ ...stored, state: "unknown" }) }
      : failedWith(sendErrorView({ ...stored, state: "failed" }));
  }
  if (failure.kind === "unexpected") {
    const error: SendErrorView = {
      code: null,
      title: `Meta answered HTTP ${failure.httpStatus} and ${failure.message}`,
      details: null,
      advice: "This message may or may not have reached the customer. Check with them, or send it again.",
    };
    // A 2xx we cannot read, or a 5xx: Meta may have accepted it.
    if (failure.httpStatus >= 500 || failure.httpStatus < 300) return { kind: "unknown", error };
    // A 4xx that is no Graph API error (a proxy's page, say): refused before Meta took it.
    return failedWith(sendErrorView({ ...error, state: "failed" }));
  }
  const error: SendErrorView = {
    code: failure.code,
    title: withoutCodePrefix(failure.message, failure.code),
    details: failure.details,
    advice: ADVICE[failure.code] ?? "Meta refused this message; its reason is above.",
  };
  if (failure.httpStatus >= 500 && !RATE_LIMIT_CODES.has(failure.code)) {
    return { kind: "unknown", error: { ...error, advice: ADVICE[131000]! } };
  }
  if (RATE_LIMIT_CODES.has(failure.code) || failure.httpStatus === 429) {
    if (attempt >= MAX_SEND_ATTEMPTS) {
      return failedWith({ ...error, advice: "Meta kept refusing for sending too fast. Wait a minute and retry." });
    }
    const pairLimited = failure.code === 131056;
    return {
      kind: "retry",
      delayMs: backoff(attempt, pairLimited ? PAIR_RATE_DELAY_MS : 1_000),
      error,
      pairLimited,
      numberLimited: !pairLimited,
    };
  }
  return {
    kind: "failed",
    error,
    closesWindow: failure.code === 131047,
    pausesSending: PAUSING_CODES.has(failure.code),
  };
}

function failedWith(error: SendErrorView): SendOutcome {
  return { kind: "failed", error, closesWindow: false, pausesSending: false };
}

/** Exponential, capped at a minute: 1×, 2×, 4×… the base. */
function backoff(attempt: number, baseMs: number): number {
  return Math.min(60_000, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Meta's message without the "(#131000) " it often starts with: the code is shown beside the title
 * already ("Something went wrong (code 131000)", not "(#131000) Something went wrong (code 131000)").
 */
function withoutCodePrefix(message: string, code: number): string {
  const prefix = `(#${code})`;
  return message.startsWith(prefix) ? message.slice(prefix.length).trimStart() || message : message;
}

/** A failure of our own or of the network (no Meta code): Meta never took the message. */
const NOT_SENT_ADVICE = "Nothing was sent; the reason is above.";

/** Words for a stored failure (the bubble's reason and what to do). */
export function sendErrorView({
  code,
  title,
  details,
  state,
}: {
  code: number | null;
  title: string | null;
  details: string | null;
  state: "failed" | "unknown";
}): SendErrorView {
  const advice =
    state === "unknown"
      ? "No answer came from Meta, so this message may or may not have reached the customer. Check with them, or send it again."
      : code === null
        ? NOT_SENT_ADVICE
        : (ADVICE[code] ?? "Meta refused this message; its reason is above.");
  return { code, title: title ?? (state === "unknown" ? "Not confirmed by Meta" : "Not sent"), details, advice };
}
