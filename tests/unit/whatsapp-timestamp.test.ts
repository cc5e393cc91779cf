import { describe, expect, it } from "vitest";
import { normalizeMetaTimestamp, parseWebhook } from "@/lib/whatsapp/parse-webhook";
import { buildMessagesWebhook, sampleInboundMessage, sampleStatus } from "@/lib/whatsapp/sample-payloads";

const receivedAt = new Date("2024-06-10T16:00:00Z");
const RECEIVED_SECONDS = receivedAt.getTime() / 1000;

describe("normalizeMetaTimestamp", () => {
  it("takes Meta's unix seconds string as the exact time", () => {
    expect(normalizeMetaTimestamp("1718035170", receivedAt)).toEqual({
      date: new Date("2024-06-10T15:59:30Z"),
      issue: null,
      raw: "1718035170",
    });
  });

  it("accepts seconds sent as a number and old timestamps (late retries) as they are", () => {
    expect(normalizeMetaTimestamp(1718035170, receivedAt)).toEqual({
      date: new Date("2024-06-10T15:59:30Z"),
      issue: null,
      raw: "1718035170",
    });
    // Meta retries for up to 7 days: an old time is real, not suspicious.
    const weekOld = String(RECEIVED_SECONDS - 7 * 86400);
    expect(normalizeMetaTimestamp(weekOld, receivedAt)).toMatchObject({
      issue: null,
      date: new Date("2024-06-03T16:00:00Z"),
    });
  });

  it.each([
    ["undefined", undefined, null],
    ["null", null, null],
    ["an empty string", "", ""],
    ["whitespace", "  ", "  "],
  ])("falls back to receivedAt when %s (missing)", (_label, raw, rawText) => {
    expect(normalizeMetaTimestamp(raw, receivedAt)).toEqual({
      date: receivedAt,
      issue: "missing",
      raw: rawText,
    });
  });

  it.each([
    ["text", "yesterday", "yesterday"],
    ["a negative number", "-5", "-5"],
    ["a negative numeric value", -5, "-5"],
    ["NaN", Number.NaN, "NaN"],
    ["Infinity", Number.POSITIVE_INFINITY, "Infinity"],
    ["hex", "0x1f", "0x1f"],
    ["exponent notation", "1.7e9", "1.7e9"],
    ["digits that overflow a double", "9".repeat(400), "9".repeat(400)],
    ["an object", { s: 1 }, '{"s":1}'],
    ["a boolean", true, "true"],
  ])("falls back to receivedAt for %s (invalid)", (_label, raw, rawText) => {
    expect(normalizeMetaTimestamp(raw, receivedAt)).toEqual({
      date: receivedAt,
      issue: "invalid",
      raw: rawText,
    });
  });

  it.each([
    ["0", "0"],
    [0, "0"],
  ])("treats %j as zero", (raw, rawText) => {
    expect(normalizeMetaTimestamp(raw, receivedAt)).toEqual({
      date: receivedAt,
      issue: "zero",
      raw: rawText,
    });
  });

  it("reads 13-digit values as milliseconds", () => {
    expect(normalizeMetaTimestamp("1718035170123", receivedAt)).toEqual({
      date: new Date("2024-06-10T15:59:30.123Z"),
      issue: "milliseconds",
      raw: "1718035170123",
    });
  });

  it("calls milliseconds that still land in the far future invalid", () => {
    expect(normalizeMetaTimestamp("1718035170123000", receivedAt)).toEqual({
      date: receivedAt,
      issue: "invalid",
      raw: "1718035170123000",
    });
  });

  it("allows small clock skew but not more than 24 hours ahead", () => {
    const inAnHour = String(RECEIVED_SECONDS + 3600);
    expect(normalizeMetaTimestamp(inAnHour, receivedAt)).toMatchObject({
      issue: null,
      date: new Date("2024-06-10T17:00:00Z"),
    });
    const inTwoDays = String(RECEIVED_SECONDS + 2 * 86400);
    expect(normalizeMetaTimestamp(inTwoDays, receivedAt)).toEqual({
      date: receivedAt,
      issue: "future",
      raw: inTwoDays,
    });
  });

  it("never hands out the caller's Date object to be mutated", () => {
    const result = normalizeMetaTimestamp(undefined, receivedAt);
    result.date.setFullYear(1999);
    expect(receivedAt.toISOString()).toBe("2024-06-10T16:00:00.000Z");
  });
});

describe("timestamps inside parsed webhooks", () => {
  it("normalises message and status timestamps independently", () => {
    const message = {
      ...sampleInboundMessage("text", { wamid: "wamid.t" }),
      timestamp: "0",
    };
    const status = {
      ...sampleStatus({ wamid: "wamid.s", status: "read" }),
      timestamp: "1718035170000",
    };
    const result = parseWebhook(JSON.stringify(buildMessagesWebhook({ messages: [message], statuses: [status] })), {
      receivedAt,
    });
    if (!result.ok) throw new Error(result.reason);
    const change = result.webhook.changes[0];
    if (change?.kind !== "messages") throw new Error("expected messages");
    expect(change.messages[0]?.timestamp).toEqual({
      date: receivedAt,
      issue: "zero",
      raw: "0",
    });
    expect(change.statuses[0]?.timestamp).toEqual({
      date: new Date("2024-06-10T15:59:30Z"),
      issue: "milliseconds",
      raw: "1718035170000",
    });
  });
});
