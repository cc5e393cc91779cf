"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import type { SendMessageResponse } from "@/lib/views/inbox";
import { upsertThreadMessage } from "./inbox-cache";
import type { JsonResult } from "./request-json";

export type UploadState =
  | { phase: "idle" }
  /** `loaded` of `total` bytes have left the browser. */
  | { phase: "uploading"; loaded: number; total: number }
  | { phase: "failed"; message: string };

/**
 * POST /api/conversations/[id]/media with XMLHttpRequest, for its upload progress (fetch has
 * none): the file as the body, described by headers. On success the message joins the thread at
 * once, its file served from our store.
 */
export function useMediaUpload(conversationId: string | null) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const current = useRef<XMLHttpRequest | null>(null);

  const upload = useCallback(
    async ({ file, mimeType, caption }: { file: File; mimeType: string; caption: string }) => {
      if (!conversationId) return false;
      setState({ phase: "uploading", loaded: 0, total: file.size });
      const result = await new Promise<JsonResult<SendMessageResponse>>((resolve) => {
        const request = new XMLHttpRequest();
        current.current = request;
        request.open("POST", `/api/conversations/${encodeURIComponent(conversationId)}/media`);
        request.setRequestHeader("content-type", mimeType);
        request.setRequestHeader("accept", "application/json");
        request.setRequestHeader("x-client-id", crypto.randomUUID());
        if (file.name) request.setRequestHeader("x-file-name", encodeURIComponent(file.name));
        if (caption.trim()) request.setRequestHeader("x-caption", encodeURIComponent(caption));
        request.upload.onprogress = (event) =>
          setState({
            phase: "uploading",
            loaded: event.loaded,
            total: event.lengthComputable ? event.total : file.size,
          });
        request.onload = () => {
          let payload: unknown = null;
          try {
            payload = JSON.parse(request.responseText);
          } catch {
            // answered below
          }
          if (request.status >= 200 && request.status < 300) {
            resolve({ ok: true, status: request.status, data: payload as SendMessageResponse });
          } else {
            const message =
              (payload as { error?: { message?: string } } | null)?.error?.message ??
              `The server answered ${request.status}.`;
            resolve({ ok: false, status: request.status, message });
          }
        };
        request.onerror = () =>
          resolve({
            ok: false,
            status: 0,
            message: "Could not reach the server. Check your connection and try again.",
          });
        request.onabort = () => resolve({ ok: false, status: 0, message: "Upload cancelled." });
        request.send(file);
      });
      current.current = null;
      if (result.ok) {
        upsertThreadMessage(queryClient, result.data.message);
        setState({ phase: "idle" });
        return true;
      }
      setState({ phase: "failed", message: result.message });
      return false;
    },
    [conversationId, queryClient],
  );

  const cancel = useCallback(() => current.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return { state, upload, cancel, reset };
}
