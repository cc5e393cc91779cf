// The one rule for text and ids that come from outside (bodies, query strings, route segments).
// Postgres text cannot hold NUL, and a lone UTF-16 surrogate cannot be encoded as UTF-8: both would
// fail deep in the database driver as a 500. Refused here instead, as a 422 naming the field.
// Shared by the API schemas and the forms, so no server-only imports.
import { z } from "zod";
import { isStorableText } from "./storable-text";

/** A string of at most `max` characters with no NUL, control characters or lone surrogates. */
export function safeText({ max, label = "text" }: { max: number; label?: string }) {
  return z
    .string()
    .max(max, `Keep the ${label} under ${max} characters`)
    .refine(isStorableText, "Must not contain control characters or invalid Unicode");
}

/** Ids as the database makes them (cuid, uuid): what a route segment or an id field may hold. */
export const idSchema = z
  .string()
  .min(1, "Missing id")
  .max(100, "Not a valid id")
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");

/** A route's [id] segment. */
export const idParamsSchema = z.object({ id: idSchema });
/** A route's [userId] segment. */
export const userIdParamsSchema = z.object({ userId: idSchema });
