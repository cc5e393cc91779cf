import type { FormFieldView, InteractiveReplyView } from "@/lib/views/message-body";
import { isRecord } from "./json";
import { present, readLeniently } from "./read-leniently";
import { interactiveContentSchema } from "./webhook-schema";

// Part of reading a stored message (./message-body.ts): the answer to a button, a list or a Flow.

const REPLY_TYPES = ["button_reply", "list_reply", "nfm_reply"] as const;
type ReplyType = (typeof REPLY_TYPES)[number];
const isReplyType = (key: string | null): key is ReplyType => REPLY_TYPES.some((known) => known === key);

/** The customer's answer to an interactive message; the stored text stands in for an unreadable title. */
export function readInteractiveReply(content: unknown, stored: string | null): InteractiveReplyView {
  const interactive = readLeniently(interactiveContentSchema, content);
  const declared = present(interactive?.type);
  // The declared kind first, then whichever reply object is present.
  const type = [declared, ...REPLY_TYPES].filter(isReplyType).find((key) => interactive?.[key] !== undefined);
  switch (type) {
    case "button_reply": {
      const reply = interactive?.button_reply;
      return { type, id: present(reply?.id), title: present(reply?.title) ?? stored };
    }
    case "list_reply": {
      const reply = interactive?.list_reply;
      const description = present(reply?.description);
      return { type, id: present(reply?.id), title: present(reply?.title) ?? stored, description };
    }
    case "nfm_reply": {
      const reply = interactive?.nfm_reply;
      return { type, name: present(reply?.name), body: present(reply?.body), fields: formFields(reply?.response_json) };
    }
    default:
      return { type: "other", declaredType: declared, text: stored };
  }
}

/** The text search and previews use: the chosen title, or a Flow reply's body. */
export function interactiveReplyText(reply: InteractiveReplyView): string | null {
  switch (reply.type) {
    case "button_reply":
    case "list_reply":
      return reply.title;
    case "nfm_reply":
      return reply.body;
    case "other":
      return reply.text;
  }
}

/** The answers of a Flow (response_json is a JSON string); the flow_token is plumbing, not an answer. */
function formFields(json: string | undefined): FormFieldView[] {
  if (json === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!isRecord(parsed)) return [];
  return Object.entries(parsed).flatMap(([name, value]): FormFieldView[] => {
    if (name === "flow_token") return [];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      return [{ name, value: String(value) }];
    }
    if (Array.isArray(value) && value.every((entry) => typeof entry === "string" || typeof entry === "number")) {
      return [{ name, value: value.join(", ") }];
    }
    return [];
  });
}
