import "server-only";
import { AppError } from "@/lib/http/app-error";

export function phoneNumberNotFound(id: string): AppError {
  return new AppError("not_found", {
    message: `phone number ${id} not found`,
    userMessage: "This phone number does not exist.",
  });
}
