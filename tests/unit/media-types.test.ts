// How a stored media file may be served: which types show inline, the download's name, byte
// ranges, and Meta's sha256 in either of its spellings.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  contentDisposition,
  downloadFileName,
  isInlineSafe,
  normaliseSha256,
  parseRange,
  storedContentType,
} from "@/lib/media/media-types";

describe("serving media safely", () => {
  it("shows raster images, audio and video inline and makes everything else a download", () => {
    for (const type of ["image/jpeg", "image/png", "image/webp", "audio/ogg", "audio/mpeg", "video/mp4"]) {
      expect(isInlineSafe(type), type).toBe(true);
    }
    for (const type of ["image/svg+xml", "text/html", "application/xhtml+xml", "application/pdf", "text/xml"]) {
      expect(isInlineSafe(type), type).toBe(false);
    }
  });

  it("repeats only a well-formed MIME type, without parameters", () => {
    expect(storedContentType("audio/ogg; codecs=opus")).toBe("audio/ogg");
    expect(storedContentType("IMAGE/JPEG")).toBe("image/jpeg");
    expect(storedContentType("text/html\r\nSet-Cookie: a=b")).toBe("application/octet-stream");
    expect(storedContentType(null)).toBe("application/octet-stream");
  });

  it("names a download after the document, without path or control characters", () => {
    expect(
      downloadFileName({ filename: "../../etc/passwd", type: "document", id: "m1", contentType: "text/plain" }),
    ).toBe(".._.._etc_passwd");
    expect(downloadFileName({ filename: null, type: "image", id: "m1", contentType: "image/jpeg" })).toBe(
      "image-m1.jpg",
    );
    expect(contentDisposition("attachment", 'Fatura "março".pdf')).toBe(
      `attachment; filename="Fatura _mar_o_.pdf"; filename*=UTF-8''Fatura%20%22mar%C3%A7o%22.pdf`,
    );
  });

  it("answers single byte ranges and refuses impossible ones", () => {
    expect(parseRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=990-2000", 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRange("bytes=50-10", 1000)).toBe("unsatisfiable");
    // Several ranges or another unit: the whole file is a correct answer.
    expect(parseRange("bytes=0-1,5-6", 1000)).toBeNull();
    expect(parseRange("items=0-1", 1000)).toBeNull();
    expect(parseRange(null, 1000)).toBeNull();
  });

  it("reads Meta's sha256 as hex or base64", () => {
    const digest = createHash("sha256").update("photo").digest();
    expect(normaliseSha256(digest.toString("hex").toUpperCase())).toBe(digest.toString("hex"));
    expect(normaliseSha256(digest.toString("base64"))).toBe(digest.toString("hex"));
    expect(normaliseSha256("not a digest")).toBeNull();
    expect(normaliseSha256(undefined)).toBeNull();
  });
});
