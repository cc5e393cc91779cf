// The S3 media settings: half a configuration stops start-up with what is missing, instead of
// quietly keeping customers' files on the local disk.
import { afterEach, describe, expect, it } from "vitest";
import { reloadEnv } from "../../lib/env";

const saved = { ...process.env };

afterEach(() => {
  for (const name of Object.keys(process.env)) if (name.startsWith("S3_")) delete process.env[name];
  Object.assign(process.env, saved);
  reloadEnv();
});

function startUp(env: Record<string, string>): string {
  Object.assign(process.env, env);
  try {
    reloadEnv();
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("S3_* settings", () => {
  it("accepts a bucket alone (the AWS credential chain) or a full S3-compatible configuration", () => {
    expect(startUp({ S3_BUCKET: "media" })).toBe("");
    expect(
      startUp({
        S3_BUCKET: "media",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_ACCESS_KEY_ID: "id",
        S3_SECRET_ACCESS_KEY: "secret",
        S3_FORCE_PATH_STYLE: "true",
        S3_PREFIX: "inbox/media/",
      }),
    ).toBe("");
  });

  it("names what is missing or wrong", () => {
    expect(startUp({ S3_ENDPOINT: "http://127.0.0.1:9000" })).toMatch(
      /S3_BUCKET: S3_BUCKET is required with S3_ENDPOINT/,
    );
    expect(startUp({ S3_BUCKET: "media", S3_ACCESS_KEY_ID: "id" })).toMatch(
      /S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together/,
    );
    expect(startUp({ S3_BUCKET: "media", S3_ENDPOINT: "not a url" })).toMatch(/S3_ENDPOINT must be an absolute URL/);
    expect(startUp({ S3_BUCKET: "media", S3_PREFIX: "../x y" })).toMatch(/S3_PREFIX may hold only/);
  });
});
