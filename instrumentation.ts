// Next.js start-up hook: every server process also runs the recovery loop, so an event stored
// before a crash is processed without anyone having to start a separate worker. It also checks the
// session secret and creates the ADMIN_EMAIL admin before the first request is served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/env");
  // Before the first request: per-address limits and the same-origin check read what it decides,
  // and the media files are answered there (its socket routes).
  const [{ installRequestGuard }, { parseTrustProxy }, { mediaSocketRoute }] = await Promise.all([
    import("@/lib/http/request-guard"),
    import("@/lib/http/forwarding"),
    import("@/lib/media/media-socket-route"),
  ]);
  installRequestGuard(parseTrustProxy(getEnv().TRUST_PROXY) ?? { kind: "none" }, [mediaSocketRoute]);
  const { startAccounts } = await import("@/lib/accounts/start-accounts");
  await startAccounts();
  // Templates: stored template webhooks applied, then Meta's lists read — in the background, logged.
  const { startTemplateSync } = await import("@/lib/templates/start-template-sync");
  void startTemplateSync();
  // Sending: one send worker per cluster holds the send lock; here unless workers run beside us.
  if (getEnv().SEND_WORKER === "on") {
    const { startSendWorker } = await import("@/lib/outbound/send-worker");
    startSendWorker();
  }
  if (getEnv().RECOVERY_LOOP === "off") return;
  const { startRecoveryLoop } = await import("@/lib/ingest/run-recovery-loop");
  startRecoveryLoop({ pollMs: getEnv().WORKER_POLL_MS, graceMs: 2_000 });
}
