import "server-only";
import { getDb } from "@/lib/db/client";
import { getUploadedMediaId, recordUploadedMediaId } from "@/lib/db/outbound-media";
import { getMediaStorage } from "@/lib/media/storage";
import type { GraphClient } from "@/lib/whatsapp/graph-client";
import { classifySendFailure, type SendOutcome, MAX_SEND_ATTEMPTS } from "./send-outcome";

/**
 * An agent's file (an attachment, a template's header) waits in our store until its send: the payload names it under this key (removed
 * before the request leaves; an agent's retry is a new message, so it uploads again).
 */
export const STORED_MEDIA_KEY = "stored_media";
export type StoredMediaRef = { sha256: string; mime_type: string; filename: string };

type MediaPayload = Record<string, unknown> & { type: string; [STORED_MEDIA_KEY]?: StoredMediaRef };

/** What a payload carries to name a file in our store. */
export function storedMediaRef(file: { sha256: string; mimeType: string; filename: string }): StoredMediaRef {
  return { sha256: file.sha256, mime_type: file.mimeType, filename: file.filename };
}

export function storedMediaOf(payload: unknown): StoredMediaRef | null {
  const ref = (payload as MediaPayload | null)?.[STORED_MEDIA_KEY];
  return ref && typeof ref.sha256 === "string" ? ref : null;
}

/**
 * The first step of a media send: the file goes to `POST /{phone-number-id}/media`, and the body
 * Meta will get names it by that id (never a link). Nothing reaches the customer here, so every
 * failure is safe to try again (a repeated upload only makes another id); the message send after
 * it is the step that must never happen twice. When the same send comes round again (Meta refused
 * it before accepting), the id of its first upload is used instead of uploading the file again.
 */
export async function uploadStoredMedia({
  graph,
  metaPhoneNumberId,
  messageId,
  payload,
  attempt,
}: {
  graph: GraphClient;
  metaPhoneNumberId: string;
  messageId: string | null;
  payload: unknown;
  attempt: number;
}): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; outcome: SendOutcome }> {
  const { [STORED_MEDIA_KEY]: ref, ...body } = payload as MediaPayload;
  const named = (id: string) => ({ ok: true as const, body: withMediaId(body, id) });
  const uploaded = messageId && attempt > 1 ? await getUploadedMediaId({ db: getDb(), messageId }) : null;
  if (uploaded) return named(uploaded);
  const bytes = ref ? await getMediaStorage().get(ref.sha256) : null;
  if (!ref || !bytes) {
    const error = {
      code: null,
      title: "The file is no longer in this app's media store",
      details: null,
      advice: "Attach the file again.",
    };
    return { ok: false, outcome: { kind: "failed", error, closesWindow: false, pausesSending: false } };
  }
  const result = await graph.uploadMedia(metaPhoneNumberId, {
    bytes,
    mimeType: ref.mime_type,
    filename: ref.filename,
  });
  if (!result.ok) {
    const outcome = classifySendFailure(result.failure, attempt);
    if (outcome.kind !== "unknown") return { ok: false, outcome };
    // An upload without an answer reached no customer: tried again, then given up with the reason.
    const error = { ...outcome.error, advice: "The file could not be uploaded to WhatsApp. Try sending it again." };
    return {
      ok: false,
      outcome:
        attempt < MAX_SEND_ATTEMPTS
          ? { kind: "retry", delayMs: 1_000 * 2 ** (attempt - 1), error, pairLimited: false, numberLimited: false }
          : { kind: "failed", error, closesWindow: false, pausesSending: false },
    };
  }
  if (messageId) {
    await recordUploadedMediaId({ db: getDb(), messageId, mediaId: result.data.id }).catch(() => undefined);
  }
  return named(result.data.id);
}

/**
 * Names the uploaded file in the body Meta gets: the media object of a media message
 * (`{"type":"image","image":{"id",…}}`), or the media parameter of a template's header.
 */
function withMediaId(body: Record<string, unknown> & { type: string }, id: string): Record<string, unknown> {
  if (body.type !== "template") {
    const media = (body[body.type] ?? {}) as Record<string, unknown>;
    return { ...body, [body.type]: { id, ...media } };
  }
  const template = body.template as { components?: { type?: string; parameters?: Record<string, unknown>[] }[] };
  const components = (template.components ?? []).map((component) => {
    if (component.type !== "header") return component;
    const parameters = (component.parameters ?? []).map((parameter) => {
      const kind = String(parameter.type);
      if (kind !== "image" && kind !== "video" && kind !== "document") return parameter;
      return { ...parameter, [kind]: { id, ...(parameter[kind] as Record<string, unknown>) } };
    });
    return { ...component, parameters };
  });
  return { ...body, template: { ...template, components } };
}
