import { describe, expect, it } from "vitest";
import { parseWebhook } from "@/lib/whatsapp/parse-webhook";
import { parseJsonLosslessly } from "@/lib/whatsapp/lossless-json";

describe("integers above 2^53", () => {
  it("keep every digit of message_template_id in a template webhook", () => {
    const body =
      '{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"message_template_status_update",' +
      '"value":{"event":"APPROVED","message_template_id":1234567890123456789,"message_template_name":"n"}}]}]}';
    const result = parseWebhook(body, { receivedAt: new Date() });
    if (!result.ok) throw new Error(result.reason);
    const change = result.webhook.changes[0];
    if (change?.kind !== "other") throw new Error("expected an account change");
    expect((change.value as { message_template_id: unknown }).message_template_id).toBe("1234567890123456789");
    expect(change.bigIntegers).toEqual(["1234567890123456789"]);
  });

  it("leave safe integers, decimals, exponents and strings as JSON.parse reads them", () => {
    const text =
      '{"safe":9007199254740991,"negative":-12345678901234567890,"decimal":12345678901234567890.5,' +
      '"exponent":12345678901234567e3,"string":"id 12345678901234567890 \\" 98765432109876543210","big":[98765432109876543210]}';
    const { value, bigIntegers } = parseJsonLosslessly(text);
    expect(value).toEqual({
      safe: 9007199254740991,
      negative: "-12345678901234567890",
      decimal: Number("12345678901234567890.5"),
      exponent: 12345678901234567e3,
      string: 'id 12345678901234567890 " 98765432109876543210',
      big: ["98765432109876543210"],
    });
    expect([...bigIntegers].sort()).toEqual(["-12345678901234567890", "98765432109876543210"]);
  });

  it("still rejects what JSON.parse rejects", () => {
    expect(() => parseJsonLosslessly('{"a":012345678901234567890}')).toThrow(SyntaxError);
    expect(() => parseJsonLosslessly('{"a":"12345678901234567890')).toThrow(SyntaxError);
  });
});
