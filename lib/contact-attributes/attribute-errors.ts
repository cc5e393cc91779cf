import "server-only";
import { AppError } from "@/lib/http/app-error";

/** Which unique index a clash hit: the key, or the name (unique whatever its case). */
export function attributeClash(error: unknown): "key" | "name" | null {
  const text = error instanceof Error ? error.message : "";
  const target = JSON.stringify((error as { meta?: unknown } | null)?.meta ?? "");
  if ((error as { code?: unknown } | null)?.code !== "P2002" && !/contact_attributes_(key|name)_key/.test(text)) {
    return null;
  }
  // The driver adapter names the index (the name's is on lower(name), a field Prisma does not know).
  return /contact_attributes_name_key/.test(target + text) ? "name" : "key";
}

export const attributeTaken = (field: "key" | "name", value: string) =>
  new AppError("conflict", {
    message: `contact attribute ${field} ${value} exists`,
    userMessage:
      field === "key"
        ? `There is already an attribute with the key “${value}”.`
        : `There is already an attribute called “${value}”.`,
  });

export const attributeNotFound = (id: string) =>
  new AppError("not_found", { message: `Contact attribute ${id} not found`, userMessage: "Attribute not found." });

export const contactNotFound = (id: string) =>
  new AppError("not_found", { message: `Contact ${id} not found`, userMessage: "Contact not found." });
