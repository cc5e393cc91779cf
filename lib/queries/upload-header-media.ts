import type { TemplateHeaderMedia } from "@/lib/views/template";
import { type JsonResult, requestJson } from "./request-json";

/** A template header's image, video or document, put in the app's store before the template is sent. */
export function uploadHeaderMedia(file: File): Promise<JsonResult<{ upload: TemplateHeaderMedia }>> {
  return requestJson("/api/media/uploads", {
    file: { blob: file, headers: file.name ? { "x-file-name": encodeURIComponent(file.name) } : {} },
  });
}
