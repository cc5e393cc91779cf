"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { inboxKeys } from "@/lib/queries/inbox-keys";
import { requestJson } from "@/lib/queries/request-json";
import { useSendingStatus } from "@/lib/queries/use-sending-status";
import type { SendingStatusView } from "@/lib/views/inbox";

/** Why nothing can be sent right now, in a sentence; null while sending works. */
export function sendingProblemText(status: SendingStatusView): string | null {
  if (status.accessTokenMissing) return "Sending is off: no access token is configured.";
  if (status.paused) return `Sending is paused: ${status.problem?.title ?? "Meta refused our access"}.`;
  return null;
}

/** For everyone in the inbox while sending is paused or impossible; admins get the way to fix it. */
export function SendingStatusBanner({ isAdmin }: { isAdmin: boolean }) {
  const { data: status } = useSendingStatus();
  const queryClient = useQueryClient();
  const [resuming, setResuming] = useState(false);
  const [resumeError, setResumeError] = useState<string | null>(null);
  if (!status) return null;
  const problem = sendingProblemText(status);
  if (!problem) return null;
  const advice = status.accessTokenMissing
    ? "Replies cannot be sent until an admin saves a system user access token."
    : (status.problem?.advice ?? "Replies cannot be sent until an admin fixes the WhatsApp connection.");
  return (
    <div
      role="alert"
      data-testid="sending-status"
      className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900"
    >
      <strong className="font-semibold">{problem}</strong>
      <span>{advice}</span>
      {isAdmin && status.paused && !status.accessTokenMissing ? (
        <button
          type="button"
          disabled={resuming}
          onClick={async () => {
            setResuming(true);
            setResumeError(null);
            const result = await requestJson<SendingStatusView>("/api/sending-status/resume");
            setResuming(false);
            if (result.ok) queryClient.setQueryData(inboxKeys.sendingStatus, result.data);
            else setResumeError(result.message);
          }}
          className="rounded-md border border-red-300 bg-white px-2 py-0.5 font-medium hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-red-700 disabled:opacity-60"
        >
          {resuming ? "Resuming…" : "Resume sending"}
        </button>
      ) : null}
      {resumeError ? <span>{resumeError}</span> : null}
      {isAdmin ? (
        <Link
          href="/settings/whatsapp"
          className="font-medium underline underline-offset-2 hover:text-red-950 focus-visible:outline-2 focus-visible:outline-red-700"
        >
          Settings → WhatsApp connection
        </Link>
      ) : (
        <span>Tell an admin.</span>
      )}
    </div>
  );
}
