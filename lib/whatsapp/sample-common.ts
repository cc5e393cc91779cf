import { randomBytes, randomInt } from "node:crypto";
import type { JsonObject } from "./json";

// Names, ids and options shared by the sample builders (simulate CLI, tests).

export const SAMPLE_MESSAGE_TYPES = [
  "text",
  "text-with-referral",
  "image",
  "audio",
  "voice",
  "video",
  "document",
  "sticker",
  "location",
  "contacts",
  "interactive-button",
  "interactive-list",
  "interactive-nfm",
  "button",
  "reaction",
  "order",
  "system",
  "request_welcome",
  "unsupported",
  "unknown",
] as const;
export type SampleMessageType = (typeof SAMPLE_MESSAGE_TYPES)[number];

export type SampleMessageOptions = {
  wamid?: string;
  from?: string;
  timestamp?: number; // unix seconds
  text?: string; // body, caption, chosen title, location name… whichever the type shows
  contextWamid?: string; // makes the message a reply to this wamid
  targetWamid?: string; // reaction target
  emoji?: string; // reaction emoji; "" removes the reaction
};

export const SAMPLE_CUSTOMER_WA_ID = "16505551234";
export const SAMPLE_DISPLAY_PHONE_NUMBER = "15550783881";

/** Same layout as real wamids: base64 of a small record holding the phone number and a hex id. */
export function sampleWamid(phone: string = SAMPLE_CUSTOMER_WA_ID): string {
  const hexId = randomBytes(10).toString("hex").toUpperCase();
  const record = `\x1c\x18${String.fromCharCode(phone.length)}${phone}\x15\x02\x00\x12\x18\x14${hexId}\x00`;
  return `wamid.${Buffer.from(record, "latin1").toString("base64")}`;
}

export function sampleMedia(mimeType: string, extra: JsonObject = {}): JsonObject {
  return {
    mime_type: mimeType,
    sha256: randomBytes(32).toString("base64"),
    id: String(randomInt(1e8, 9e8)) + String(randomInt(1e7, 9e7)), // 16-digit numeric ids, as Meta issues
    ...extra,
  };
}
