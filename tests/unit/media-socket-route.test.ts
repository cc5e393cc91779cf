// GET /api/media/<id> is answered at the socket; every other route under /api/media stays Next's.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isMediaFileUrl, NEXT_MEDIA_ROUTES } from "@/lib/media/media-socket-route";

describe("isMediaFileUrl", () => {
  it("takes one message's file, with or without a query", () => {
    expect(isMediaFileUrl("/api/media/msg_01HZX")).toBe(true);
    expect(isMediaFileUrl("/api/media/msg_01HZX?download=1")).toBe(true);
  });

  it("leaves Next its routes: the retry beneath a file, the uploads beside it, anything else", () => {
    expect(isMediaFileUrl("/api/media/msg_01HZX/retry")).toBe(false);
    expect(isMediaFileUrl("/api/media/uploads")).toBe(false);
    expect(isMediaFileUrl("/api/media/%75ploads")).toBe(false);
    expect(isMediaFileUrl("/api/media/")).toBe(false);
    expect(isMediaFileUrl("/api/media")).toBe(false);
    expect(isMediaFileUrl("/api/mediafiles/msg_1")).toBe(false);
    expect(isMediaFileUrl("/api/conversations/c1/media")).toBe(false);
  });

  it("knows every route Next has beside app/api/media/[id]", () => {
    const siblings = readdirSync(join(process.cwd(), "app/api/media")).filter((name) => name !== "[id]");
    expect(new Set(siblings)).toEqual(NEXT_MEDIA_ROUTES);
    for (const sibling of siblings) expect(isMediaFileUrl(`/api/media/${sibling}`)).toBe(false);
  });
});
