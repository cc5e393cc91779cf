// Next.js start-up hook: every server process also runs the recovery loop, so an event stored
// before a crash is processed without anyone having to start a separate worker. It also checks the
// session secret and creates the ADMIN_EMAIL admin before the first request is served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/env");
  const { startAccounts } = await import("@/lib/accounts/start-accounts");
  await startAccounts();
  // Processing after the ack runs in this process too: its committed changes go out over Pusher.
  const [{ onInboxChanges }, { publishRealtime }] = await Promise.all([
    import("@/lib/inbox/inbox-changes"),
    import("@/lib/realtime/server"),
  ]);
  onInboxChanges(publishRealtime);
  if (getEnv().RECOVERY_LOOP === "off") return;
  const { startRecoveryLoop } = await import("@/lib/inbox/run-recovery-loop");
  startRecoveryLoop({ pollMs: getEnv().WORKER_POLL_MS, graceMs: 2_000 });
}
