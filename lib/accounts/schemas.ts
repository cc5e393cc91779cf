// Input shapes of the account use-cases, shared by the API routes and the forms.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { safeText } from "@/lib/http/text";

/** Also enforced by the database (users_name_length): every way of storing a name keeps to it. */
export const USER_NAME_MAX = 100;

const name = safeText({ max: 1000, label: "name" })
  .trim()
  .min(1, "Enter a name")
  .max(USER_NAME_MAX, `Keep the name under ${USER_NAME_MAX} characters`);
const email = safeText({ max: 1000, label: "email" })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(254));
const password = safeText({ max: 1000, label: "password" })
  .min(8, "Use at least 8 characters for the password")
  .max(128, "Keep the password under 128 characters");

export const firstAdminBodySchema = z.object({ name, email, password });
export type FirstAdminBody = z.infer<typeof firstAdminBodySchema>;

export const createUserBodySchema = z.object({ name, email, password, role: z.enum(ROLES).default("agent") });
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserRoleBodySchema = z.object({ role: z.enum(ROLES) });
export type UpdateUserRoleBody = z.infer<typeof updateUserRoleBodySchema>;

/** An admin edits a user's name and/or email. */
export const updateUserBodySchema = z
  .object({ name: name.optional(), email: email.optional() })
  .refine((body) => body.name !== undefined || body.email !== undefined, {
    path: ["name"],
    message: "Send a name or an email (or both)",
  });
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

/** Anyone edits their own name (the email is an admin's to change: it is how they sign in). */
export const updateProfileBodySchema = z.object({ name });
export type UpdateProfileBody = z.infer<typeof updateProfileBodySchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(128, "That is not your current password"),
  newPassword: password,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const resetPasswordBodySchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This reset link is incomplete. Copy the whole link."),
  password,
});
export type ResetPasswordBody = z.infer<typeof resetPasswordBodySchema>;

export const requestPasswordResetBodySchema = z.object({ email });
export type RequestPasswordResetBody = z.infer<typeof requestPasswordResetBodySchema>;

/** What happens to the open conversations of someone being deactivated. */
export const deactivateUserBodySchema = z
  .object({
    conversations: z.enum(["unassign", "reassign"]).default("unassign"),
    reassignTo: z.string().min(1).max(100).optional(),
  })
  .refine((body) => body.conversations !== "reassign" || body.reassignTo !== undefined, {
    path: ["reassignTo"],
    message: "Choose who takes over the open conversations",
  });
export type DeactivateUserBody = z.infer<typeof deactivateUserBodySchema>;
