import "server-only";
import { AppError } from "@/lib/http/app-error";

/** A name clash (the case-insensitive unique index) in words. */
export function isLabelNameClash(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2002" || (error instanceof Error && /labels_name_key/.test(error.message));
}

export const labelNameTaken = (name: string) =>
  new AppError("conflict", {
    message: `label name ${name} exists`,
    userMessage: `There is already a label called “${name}”.`,
  });

export const labelNotFound = (id: string) =>
  new AppError("not_found", { message: `Label ${id} not found`, userMessage: "Label not found." });
