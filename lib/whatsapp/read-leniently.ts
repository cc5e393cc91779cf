import { z } from "zod";
import { isRecord } from "./json";

// The schemas in webhook-schema.ts say what each field of Meta's payloads is. Storage keeps what
// Meta sent even when it does not match, so reading it back must not be all-or-nothing: a field of
// the wrong type reads as absent, an array keeps the entries that make sense, and the rest of the
// object is still read. Only as deep as the schema goes, so hostile nesting costs nothing.

/** What a schema's output looks like when every field may have been dropped. */
export type Lenient<T> = T extends readonly (infer E)[]
  ? Lenient<E>[]
  : T extends object
    ? { [K in keyof T]?: Lenient<T[K]> }
    : T;

/** The parts of `value` that match `schema`, field by field; undefined when nothing does. */
export function readLeniently<S extends z.ZodType>(schema: S, value: unknown): Lenient<z.output<S>> | undefined {
  return read(schema, value) as Lenient<z.output<S>> | undefined;
}

function read(schema: z.ZodType, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (schema instanceof z.ZodOptional) return read(schema.unwrap() as z.ZodType, value);
  if (schema instanceof z.ZodObject) {
    if (!isRecord(value)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const fieldValue = Object.hasOwn(value, key) ? read(field, value[key]) : undefined;
      if (fieldValue !== undefined) out[key] = fieldValue;
    }
    return out;
  }
  if (schema instanceof z.ZodArray) {
    if (!Array.isArray(value)) return undefined;
    return value.map((entry) => read(schema.element as z.ZodType, entry)).filter((entry) => entry !== undefined);
  }
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** A non-empty string, else null: Meta's "" means nothing was said. */
export function present(value: string | null | undefined): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
