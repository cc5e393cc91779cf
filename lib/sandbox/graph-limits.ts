// Meta's sending limits, as the stand-in enforces them (cloud-api/overview#throughput,
// support/error-codes): the number's throughput (130429, refused at once), the pair rate to one
// customer (131056, refused at once) and the 24-hour customer service window (131047: accepted,
// then reported failed by status webhook). Tests and benchmarks that rely on unlimited sends keep
// the rates off (startGraphSandbox's defaults); `npm start`'s sandbox mode turns them on.
import type { SandboxSendError } from "./graph-errors";
import type { SimulatedCustomer } from "./customers";

export type SandboxLimits = {
  /** 131047 for a non-template send to a simulated customer whose last message (as seen by the stand-in) is over 24 h old. */
  serviceWindow: boolean;
  /** 131056: one message per `intervalMs` to the same customer; a burst of up to `burst` borrows from later. */
  pairRate: { intervalMs: number; burst: number } | null;
  /** 130429: accepted messages per second per business number. */
  throughputPerSecond: number | null;
};

/** Meta's figures: 80 msg/s per number by default; about 1 message per 6 s per customer, bursts of up to 45. */
export const META_LIMITS: SandboxLimits = {
  serviceWindow: true,
  pairRate: { intervalMs: 6_000, burst: 45 },
  throughputPerSecond: 80,
};

export const UNLIMITED: SandboxLimits = { serviceWindow: true, pairRate: null, throughputPerSecond: null };

const WINDOW_MS = 24 * 60 * 60 * 1000;

/** What the limits have seen: accepted sends per number (last second) and each pair's borrowed time. */
export type LimitState = {
  recentByNumber: Map<string, number[]>;
  pairs: Map<string, { nextFreeAt: number; blockedUntil: number }>;
};

export const newLimitState = (): LimitState => ({ recentByNumber: new Map(), pairs: new Map() });

/**
 * Checks a send Meta would otherwise accept; records it when it passes. `refuse`: Meta's synchronous
 * error; `failWith`: accepted, then a failed status webhook with this code.
 */
export function checkLimits({
  limits,
  state,
  phoneNumberId,
  recipient,
  customer,
  type,
  now,
}: {
  limits: SandboxLimits;
  state: LimitState;
  phoneNumberId: string;
  recipient: string;
  customer: SimulatedCustomer | undefined;
  type: unknown;
  now: number;
}): { refuse: SandboxSendError } | { failWith: number } | null {
  const recent = (state.recentByNumber.get(phoneNumberId) ?? []).filter((at) => now - at < 1_000);
  state.recentByNumber.set(phoneNumberId, recent);
  if (limits.throughputPerSecond !== null && recent.length >= limits.throughputPerSecond) {
    return { refuse: rateError(130429, "Rate limit hit", "Cloud API message throughput has been reached.") };
  }
  const pairKey = `${phoneNumberId}→${recipient}`;
  const pair = state.pairs.get(pairKey) ?? { nextFreeAt: now, blockedUntil: 0 };
  if (limits.pairRate !== null) {
    if (now < pair.blockedUntil) {
      return {
        refuse: rateError(
          131056,
          "(Business Account, Consumer Account) pair rate limit hit",
          "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.",
        ),
      };
    }
    const { intervalMs, burst } = limits.pairRate;
    pair.nextFreeAt = Math.max(now, pair.nextFreeAt) + intervalMs;
    // The burst is spent (more than burst − 1 intervals borrowed): nothing more to this customer
    // until the borrowed time has passed.
    if (pair.nextFreeAt - now > (burst - 1) * intervalMs) pair.blockedUntil = pair.nextFreeAt;
    state.pairs.set(pairKey, pair);
  }
  recent.push(now);
  const lastInbound = customer?.lastInboundAt ?? null;
  if (limits.serviceWindow && type !== "template" && lastInbound !== null && now - lastInbound > WINDOW_MS) {
    return { failWith: 131047 };
  }
  return null;
}

const rateError = (code: number, title: string, details: string): SandboxSendError => ({
  status: 400,
  error: { message: `(#${code}) ${title}`, type: "OAuthException", code, details },
});
