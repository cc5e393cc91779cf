import "server-only";

// While the database is down every delivery fails the same way: one line when it starts, one when
// it ends, instead of a stack trace per request (thousands a minute at Meta's retry rates).
type Outage = { since: number; failed: number };
const globalForOutage = globalThis as unknown as { __inboxAckOutage?: { current: Outage | null } };
const state = (globalForOutage.__inboxAckOutage ??= { current: null });

export function reportAckFailure(error: unknown): void {
  if (state.current) {
    state.current.failed += 1;
    return;
  }
  state.current = { since: Date.now(), failed: 1 };
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    `[webhook] database unavailable (${reason.split("\n")[0]}): answering 503 so that Meta retries, until it answers again`,
  );
}

export function reportAckSuccess(): void {
  const outage = state.current;
  if (!outage) return;
  state.current = null;
  const seconds = ((Date.now() - outage.since) / 1000).toFixed(1);
  console.error(`[webhook] database available again after ${seconds} s; ${outage.failed} deliveries were answered 503`);
}
