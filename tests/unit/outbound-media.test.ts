// Meta's rules for an agent's file, as the browser and the server both apply them.
import { describe, expect, it } from "vitest";
import { checkOutboundMedia, takesCaption } from "../../lib/views/outbound-media";

const MB = 1024 * 1024;

describe("checkOutboundMedia", () => {
  it.each([
    ["image/jpeg", 5 * MB, "image"],
    ["image/png; charset=binary", 5 * MB, "image"],
    ["video/mp4", 16 * MB, "video"],
    ["video/3gpp", 16 * MB, "video"],
    ["audio/ogg", 16 * MB, "audio"],
    ["audio/amr", 16 * MB, "audio"],
    ["application/pdf", 100 * MB, "document"],
    ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", 100 * MB, "document"],
    ["image/webp", 500 * 1024, "sticker"],
  ])("accepts %s up to its limit (%i bytes) as %s, and refuses one byte more with 413", (mimeType, limit, type) => {
    expect(checkOutboundMedia({ mimeType, size: limit })).toMatchObject({ ok: true, type, maxBytes: limit });
    expect(checkOutboundMedia({ mimeType, size: limit + 1 })).toMatchObject({ ok: false, status: 413 });
  });

  it("names the size and the limit exactly", () => {
    expect(checkOutboundMedia({ mimeType: "video/mp4", size: 20 * MB })).toEqual({
      ok: false,
      status: 413,
      message:
        "This MP4 video is 20 MB (20,971,520 bytes); WhatsApp accepts at most 16 MB (16,777,216 bytes) for a MP4 video.",
    });
  });

  it("refuses types WhatsApp cannot send with 415, and an empty file with 422", () => {
    for (const mimeType of ["image/svg+xml", "text/html", "image/gif", "application/zip", ""]) {
      expect(checkOutboundMedia({ mimeType, size: 10 })).toMatchObject({ ok: false, status: 415 });
    }
    expect(checkOutboundMedia({ mimeType: "application/pdf", size: 0 })).toMatchObject({ ok: false, status: 422 });
  });

  it("allows a caption on images, video and documents only", () => {
    expect(["image", "video", "document", "audio", "sticker"].map((type) => takesCaption(type as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
