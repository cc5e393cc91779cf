// Input shapes of the account use-cases, shared by the API routes and the forms.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

const name = z.string().trim().min(1, "Enter a name").max(100, "Keep the name under 100 characters");
const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(254));
const password = z
  .string()
  .min(8, "Use at least 8 characters for the password")
  .max(128, "Keep the password under 128 characters");

export const firstAdminBodySchema = z.object({ name, email, password });
export type FirstAdminBody = z.infer<typeof firstAdminBodySchema>;

export const createUserBodySchema = z.object({ name, email, password, role: z.enum(ROLES).default("agent") });
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserRoleBodySchema = z.object({ role: z.enum(ROLES) });
export type UpdateUserRoleBody = z.infer<typeof updateUserRoleBodySchema>;
