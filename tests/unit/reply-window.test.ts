import { describe, expect, it } from "vitest";
import { replyWindow } from "@/components/inbox/format";

const now = Date.parse("2026-12-04T10:00:00Z");
const at = (ms: number) => new Date(now + ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("replyWindow: the 24-hour window as the agent reads it", () => {
  it("rounds up to the minute and says hours and minutes", () => {
    expect(replyWindow(at(3 * HOUR + 11 * MINUTE + 5_000), now)).toMatchObject({
      state: "open",
      label: "closes in 3 h 12 min",
      lastHour: false,
    });
    expect(replyWindow(at(2 * HOUR), now)).toMatchObject({ label: "closes in 2 h" });
    expect(replyWindow(at(30_000), now)).toMatchObject({ label: "closes in 1 min", lastHour: true });
  });

  it("never says more than 24 hours, even when the customer's clock is ahead of ours", () => {
    // A message stamped 20 s after our now: its window ends 24 h 20 s from now.
    expect(replyWindow(at(24 * HOUR + 20_000), now)).toMatchObject({ state: "open", label: "closes in 24 h" });
    expect(replyWindow(at(24 * HOUR), now)).toMatchObject({ label: "closes in 24 h" });
  });

  it("is closed at and after its end, and absent without a customer message", () => {
    expect(replyWindow(at(0), now)).toEqual({ state: "closed", closesAt: at(0) });
    expect(replyWindow(at(-MINUTE), now).state).toBe("closed");
    expect(replyWindow(null, now)).toEqual({ state: "never" });
  });
});
