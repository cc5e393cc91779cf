import { describe, expect, it } from "vitest";
import { messagePreview, previewIcon } from "@/lib/views/message-preview";

describe("messagePreview", () => {
  it.each([
    ["text", "Where is my order?", "Where is my order?"],
    ["image", null, "Photo"],
    ["image", "Damaged box", "Photo: Damaged box"],
    ["video", null, "Video"],
    ["video", "Unboxing", "Video: Unboxing"],
    ["audio", null, "Audio"],
    ["document", null, "Document"],
    ["document", "facture-2024-117.pdf", "Document: facture-2024-117.pdf"],
    ["sticker", null, "Sticker"],
    ["location", null, "Location"],
    ["location", "Tour Eiffel", "Location: Tour Eiffel"],
    ["contacts", "Zoë Martin", "Contact: Zoë Martin"],
    ["contacts", null, "Contact"],
    ["interactive", "Yes, deliver", "Yes, deliver"],
    ["interactive", null, "Interactive reply"],
    ["button", "Stop promotions", "Stop promotions"],
    ["button", null, "Button reply"],
    ["order", null, "Order"],
    ["order", "Gift-wrap it", "Order: Gift-wrap it"],
    ["system", "User changed number", "User changed number"],
    ["system", null, "System message"],
    ["request_welcome", null, "Chat opened"],
    ["unsupported", null, "Unsupported message"],
    ["unknown", null, "Unsupported message"],
    ["hologram", "whatever", "Unsupported message"],
  ])("%s with text %j → %j", (type, text, expected) => {
    expect(messagePreview({ type, text })).toBe(expected);
  });

  it.each([
    ["image", "photo"],
    ["sticker", "sticker"],
    ["location", "location"],
    ["contacts", "contact"],
    ["request_welcome", "chat"],
    ["text", null],
    [null, null],
  ])("%s starts with the %s icon", (type, icon) => {
    expect(previewIcon(type)).toBe(icon);
  });

  it("collapses whitespace and newlines into single spaces", () => {
    expect(messagePreview({ type: "text", text: "  Hello\n\n  there\tfriend  " })).toBe("Hello there friend");
    expect(messagePreview({ type: "image", text: "\n line one \n line two " })).toBe("Photo: line one line two");
  });

  it("treats empty or whitespace-only text as no text", () => {
    expect(messagePreview({ type: "text", text: "" })).toBe("");
    expect(messagePreview({ type: "image", text: "   " })).toBe("Photo");
    expect(messagePreview({ type: "system", text: " " })).toBe("System message");
  });

  it("caps long text at 140 characters with an ellipsis", () => {
    const preview = messagePreview({ type: "text", text: "word ".repeat(100) });
    expect(Array.from(preview)).toHaveLength(140);
    expect(preview.endsWith("…")).toBe(true);
    expect(messagePreview({ type: "text", text: "x".repeat(140) })).toBe("x".repeat(140));
  });

  it("never cuts an emoji in half", () => {
    const preview = messagePreview({ type: "text", text: "😀".repeat(200) });
    expect(preview).toBe(`${"😀".repeat(139)}…`);
    expect(preview).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("handles a null type as unsupported", () => {
    expect(messagePreview({ type: null, text: "x" })).toBe("Unsupported message");
  });
});
