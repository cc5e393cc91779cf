// Input shapes of the inbox API (query strings and bodies), validated with zod → 422.
import { z } from "zod";
import { idSchema, safeText } from "@/lib/http/text";
import { MAX_LABELS_PER_CONVERSATION } from "@/lib/views/labels";
import { decodeCursor, type Keyset } from "./cursor";

export { idParamsSchema } from "@/lib/http/text";

/** Query strings arrive as strings; an empty parameter (`?q=`) means "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const cursor = (kind: "c" | "m") =>
  z
    .string()
    .max(512, "Not a valid cursor")
    .transform((value, context): Keyset => {
      const keyset = decodeCursor(kind, value);
      if (!keyset) {
        context.addIssue({ code: "custom", message: "Not a valid cursor: use the one from the previous page" });
        return z.NEVER;
      }
      return keyset;
    });

const id = idSchema;

export const findConversationsQuerySchema = z.object({
  status: optional(z.enum(["open", "pending", "resolved", "all"])).transform((value) => value ?? "open"),
  assignee: optional(z.enum(["all", "mine", "unassigned", "mentions"])).transform((value) => value ?? "all"),
  phoneNumberId: optional(id).transform((value) => value ?? null),
  q: optional(safeText({ max: 200, label: "search" })).transform((value) => value?.trim() ?? ""),
  /** Conversations carrying every one of these labels (comma-separated ids). */
  labels: optional(idList({ max: MAX_LABELS_PER_CONVERSATION, what: "labels" })).transform((value) => value ?? []),
  cursor: optional(cursor("c")).transform((value) => value ?? null),
  limit: optional(z.coerce.number().int().min(1).max(100)).transform((value) => value ?? 50),
  ids: optional(
    z
      .string()
      .transform((value) => [
        ...new Set(
          value
            .split(",")
            .map((part) => part.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(id).min(1, "Name at least one id").max(100, "Ask for at most 100 ids at a time")),
  ),
});

/** `a,b,c` → distinct ids, sorted. */
function idList({ max, what }: { max: number; what: string }) {
  return z
    .string()
    .transform((value) => [
      ...new Set(
        value
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(id).max(max, `Filter by at most ${max} ${what}`))
    .transform((ids) => ids.sort());
}
export type FindConversationsQuery = z.infer<typeof findConversationsQuerySchema>;

export const conversationCountsQuerySchema = z.object({
  phoneNumberId: optional(id).transform((value) => value ?? null),
  // The list's label filter: the tabs count what the list would show under each of them.
  labels: optional(idList({ max: MAX_LABELS_PER_CONVERSATION, what: "labels" })).transform((value) => value ?? []),
});

export const findThreadMessagesQuerySchema = z.object({
  before: optional(cursor("m")).transform((value) => value ?? null),
  limit: optional(z.coerce.number().int().min(1).max(200)).transform((value) => value ?? 50),
});
export type FindThreadMessagesQuery = z.infer<typeof findThreadMessagesQuerySchema>;

export const updateConversationBodySchema = z
  .object({
    status: z.enum(["open", "pending", "resolved"]).optional(),
    assigneeId: id.nullable().optional(),
  })
  .refine((body) => body.status !== undefined || body.assigneeId !== undefined, {
    message: "Send a status or an assigneeId",
  });
export type UpdateConversationBody = z.infer<typeof updateConversationBodySchema>;

/** Reads a route's query string into a schema's input (the last value wins for repeated keys). */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
