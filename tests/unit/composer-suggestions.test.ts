// What the composer offers as you type (`/` canned replies, `@` colleagues in a note), and how a
// canned reply's variables are filled in.
import { describe, expect, it } from "vitest";
import { suggestionAt } from "../../components/inbox/composer-suggestions";
import { fillCannedReply } from "../../lib/views/canned-replies";

describe("suggestionAt", () => {
  it("opens canned replies only for a `/` at the very start of a one-line text", () => {
    expect(suggestionAt({ text: "/Ship", caret: 5, mode: "reply" })).toEqual({ kind: "canned", query: "ship" });
    expect(suggestionAt({ text: "/", caret: 1, mode: "note" })).toEqual({ kind: "canned", query: "" });
    expect(suggestionAt({ text: "see /tmp", caret: 8, mode: "reply" })).toBeNull();
    expect(suggestionAt({ text: "/ship now", caret: 9, mode: "reply" })).toBeNull();
    expect(suggestionAt({ text: "/a\nb", caret: 4, mode: "reply" })).toBeNull();
  });

  it("suggests colleagues for an @ word before the caret, in notes only", () => {
    expect(suggestionAt({ text: "ask @No", caret: 7, mode: "note" })).toEqual({
      kind: "mention",
      start: 4,
      end: 7,
      query: "no",
    });
    expect(suggestionAt({ text: "@", caret: 1, mode: "note" })).toMatchObject({ kind: "mention", start: 0, query: "" });
    expect(suggestionAt({ text: "ask @No", caret: 7, mode: "reply" })).toBeNull();
    expect(suggestionAt({ text: "mail a@b.com", caret: 12, mode: "note" })).toBeNull();
    expect(suggestionAt({ text: "@Noor done", caret: 10, mode: "note" })).toBeNull();
  });
});

describe("fillCannedReply", () => {
  const context = { contactName: "Zoë", agentName: "Noor", businessName: "Acme Shoes" };

  it("fills every known variable, spaces inside the braces allowed", () => {
    expect(fillCannedReply("Hi {{contact.name}}, {{ agent.name }} from {{business.name}} here.", context)).toBe(
      "Hi Zoë, Noor from Acme Shoes here.",
    );
  });

  it("drops an unknown value with the space before it, and keeps an unknown variable as typed", () => {
    expect(fillCannedReply("Hi {{contact.name}}, thanks! {{order.id}}", { ...context, contactName: null })).toBe(
      "Hi, thanks! {{order.id}}",
    );
  });

  it("inserts values as plain text (no template syntax inside them is read)", () => {
    expect(fillCannedReply("Hi {{contact.name}}", { ...context, contactName: "{{agent.name}} <b>" })).toBe(
      "Hi {{agent.name}} <b>",
    );
  });
});
