// GET /api/emoji/en/{data,messages}.json — the emoji picker's Emojibase data, served by the app itself
// (frimousse would fetch it from a public CDN: agents' browsers then reach no third party).
import data from "emojibase-data/en/data.json";
import messages from "emojibase-data/en/messages.json";
import { AppError } from "@/lib/http/app-error";
import { safeText } from "@/lib/http/text";
import { withRoute } from "@/lib/http/with-route";
import { z } from "zod";

const files = new Map([
  ["data.json", JSON.stringify(data)],
  ["messages.json", JSON.stringify(messages)],
]);
// emojibase-data is pinned to this exact version in package.json: only an upgrade changes these bytes.
const ETAG = '"emojibase-data-17.0.0"';

const paramsSchema = z.object({
  locale: safeText({ max: 20, label: "locale" }),
  file: safeText({ max: 40, label: "file" }),
});

export const GET = withRoute({ role: "agent", params: paramsSchema }, async ({ params }) => {
  const body = params.locale === "en" ? files.get(params.file) : undefined;
  if (body === undefined) throw new AppError("not_found", { message: `no emoji data ${params.locale}/${params.file}` });
  return new Response(body, {
    headers: { "content-type": "application/json", "cache-control": "private, max-age=86400", etag: ETAG },
  });
});
