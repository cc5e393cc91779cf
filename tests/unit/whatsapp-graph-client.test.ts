// The Graph API client against the local fake that speaks Meta's documented shapes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphClient, describeGraphFailure } from "../../lib/whatsapp/graph-client";
import { freePort } from "../support/processes";
import { type GraphSandbox, startGraphSandbox } from "@/lib/sandbox/graph-api";

let graph: GraphSandbox;
beforeAll(async () => {
  graph = await startGraphSandbox();
  graph.tokens.set("EAAvalidtoken0000000000", "valid");
  graph.tokens.set("EAAexpiredtoken00000000", "expired");
  graph.phoneNumbers.set("106540352242922", {
    id: "106540352242922",
    display_phone_number: "+1 555-010-0199",
    verified_name: "Acme Support",
    quality_rating: "GREEN",
  });
});
afterAll(() => graph.close());

const client = (accessToken: string, baseUrl = graph.url) =>
  createGraphClient({ baseUrl, version: "v26.0", accessToken, timeoutMs: 2_000 });

describe("getPhoneNumber", () => {
  it("sends GET /{version}/{id} with the Bearer token and parses the number", async () => {
    const result = await client("EAAvalidtoken0000000000").getPhoneNumber("106540352242922");
    expect(result).toMatchObject({
      ok: true,
      data: { id: "106540352242922", verified_name: "Acme Support", quality_rating: "GREEN" },
    });
    expect(graph.requests.at(-1)).toMatchObject({
      method: "GET",
      path: "/v26.0/106540352242922",
      authorization: "Bearer EAAvalidtoken0000000000",
      body: null,
    });
  });

  it("reports an expired token as code 190 / 463, in words", async () => {
    const result = await client("EAAexpiredtoken00000000").getPhoneNumber("106540352242922");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({
      kind: "meta",
      httpStatus: 401,
      code: 190,
      subcode: 463,
      type: "OAuthException",
    });
    expect(describeGraphFailure(result.failure)).toMatch(
      /access token has expired or is invalid \(the token has expired\)/,
    );
  });

  it("reports an unknown token as 190 and an unknown number as 100 with Meta's message", async () => {
    const invalid = await client("EAAnobodyknowsthisone00").getPhoneNumber("106540352242922");
    expect(!invalid.ok && invalid.failure).toMatchObject({ kind: "meta", code: 190, subcode: null });
    const unknown = await client("EAAvalidtoken0000000000").getPhoneNumber("999999999");
    expect(!unknown.ok && unknown.failure).toMatchObject({ kind: "meta", httpStatus: 400, code: 100 });
    if (!unknown.ok && unknown.failure.kind === "meta") expect(unknown.failure.message).toMatch(/does not exist/);
  });

  it("reports an unreachable server without throwing", async () => {
    const result = await client("EAAvalidtoken0000000000", `http://127.0.0.1:${await freePort()}`).getPhoneNumber("1");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.kind).toBe("network");
      expect(describeGraphFailure(result.failure)).toMatch(/could not be reached/);
    }
  });
});
