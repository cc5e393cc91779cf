// Contact attributes without a server: what each type accepts and how it is stored, the key a name
// suggests, the definition rules, and the realtime event.
import { describe, expect, it } from "vitest";
import { createContactAttributeBodySchema } from "../../lib/contact-attributes/schemas";
import { emptyInboxChanges } from "../../lib/realtime/changes";
import { INBOX_CHANNEL } from "../../lib/realtime/channels";
import { realtimeEventsFor } from "../../lib/realtime/inbox-events";
import { attributeKeyFromName, parseAttributeValue } from "../../lib/views/contact-attributes";

const parse = (type: Parameters<typeof parseAttributeValue>[0]["type"], value: string | number | boolean | null) =>
  parseAttributeValue({ type, options: ["Gold", "Silver"], value });

describe("a value per type", () => {
  it("stores each type's value in one normal form", () => {
    expect(parse("text", "  A-1   2 ")).toEqual({ ok: true, value: "A-1 2" });
    expect(parse("number", " 007.50 ")).toEqual({ ok: true, value: "7.5" });
    expect(parse("number", -3)).toEqual({ ok: true, value: "-3" });
    expect(parse("date", "2024-02-29")).toEqual({ ok: true, value: "2024-02-29" });
    expect(parse("boolean", true)).toEqual({ ok: true, value: "true" });
    expect(parse("boolean", "false")).toEqual({ ok: true, value: "false" });
    expect(parse("list", "Silver")).toEqual({ ok: true, value: "Silver" });
  });

  it("removes the value when it is empty, blank or null, whatever the type", () => {
    for (const type of ["text", "number", "date", "boolean", "list"] as const) {
      expect(parse(type, "")).toEqual({ ok: true, value: null });
      expect(parse(type, "   ")).toEqual({ ok: true, value: null });
      expect(parse(type, null)).toEqual({ ok: true, value: null });
    }
  });

  it("refuses what is not the type, in words", () => {
    expect(parse("number", "1e5").ok).toBe(false);
    expect(parse("number", Infinity).ok).toBe(false);
    expect(parse("number", "0x10").ok).toBe(false);
    expect(parse("date", "2023-02-29")).toEqual({
      ok: false,
      message: "Give a date as YYYY-MM-DD, such as 2026-03-31",
    });
    expect(parse("date", "1899-12-31").ok).toBe(false);
    expect(parse("boolean", 1)).toEqual({ ok: false, message: "Give true or false" });
    expect(parse("list", "gold")).toEqual({ ok: false, message: "Choose one of: Gold, Silver" });
    expect(parse("text", "a\tb")).toEqual({ ok: false, message: "A text value is one line" });
    expect(parse("text", "\ud800").ok).toBe(false);
  });
});

describe("a definition", () => {
  it("suggests a key from the name", () => {
    expect(attributeKeyFromName("Order number")).toBe("order_number");
    expect(attributeKeyFromName("  Date d'anniversaire ")).toBe("date_d_anniversaire");
    expect(attributeKeyFromName("Über-VIP!")).toBe("uber_vip");
    expect(attributeKeyFromName("2nd phone")).toBe("nd_phone");
    expect(attributeKeyFromName("😀")).toBe("");
  });

  it("needs options for a list, and none for the other types", () => {
    expect(createContactAttributeBodySchema.safeParse({ name: "Tier", type: "list", options: ["A"] }).success).toBe(
      false,
    );
    expect(
      createContactAttributeBodySchema.parse({ name: " Tier ", type: "list", options: [" Gold ", "Silver"] }),
    ).toEqual({ name: "Tier", type: "list", options: ["Gold", "Silver"] });
    expect(createContactAttributeBodySchema.safeParse({ name: "Ref", type: "text", options: ["A", "B"] }).success).toBe(
      false,
    );
  });
});

describe("contact-attributes-changed", () => {
  it("is one event on the inbox channel naming each attribute once", () => {
    const events = realtimeEventsFor({ ...emptyInboxChanges(), contactAttributesChanged: ["a", "b", "a"] });
    expect(events).toEqual([
      { channel: INBOX_CHANNEL, name: "contact-attributes-changed", data: { attributeIds: ["a", "b"] } },
    ]);
  });
});
