import type { z } from "zod";
import { cleanString, getField } from "./json";

/** `entry[0].changes[1].value` — the path a human would type to find the spot in the body. */
export function formatPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Checks `value` against `schema` and writes one precise line per issue into `problems`.
 * "missing x" is worded apart from "x has the wrong type" because that is the first question
 * anyone debugging a webhook asks.
 */
export function reportIssues(schema: z.ZodType, value: unknown, base: string, problems: string[]): boolean {
  const result = schema.safeParse(value);
  if (result.success) return true;
  for (const issue of result.error.issues) problems.push(describeIssue(issue, value, base));
  return false;
}

export function describeIssue(issue: z.core.$ZodIssue, root: unknown, base: string): string {
  const path = issue.path;
  const last = path[path.length - 1];
  if (last !== undefined && valueAt(root, path) === undefined) {
    const parent = formatPath(base, path.slice(0, -1)) || "(root)";
    return cleanString(`${parent}: missing ${String(last)}`);
  }
  const where = formatPath(base, path) || "(root)";
  return cleanString(`${where}: ${issue.message}`);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === "number") current = current[key];
    else if (typeof key === "string") current = getField(current, key);
    else return undefined;
  }
  return current;
}
