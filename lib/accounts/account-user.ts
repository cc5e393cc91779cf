import type { Role } from "@/lib/auth/roles";
import { isRole } from "@/lib/auth/roles";
import type { UserListItem } from "@/lib/db/users";

/** A user as pages and the API show it (serialisable; no secrets). */
export type AccountUser = { id: string; name: string; email: string; role: Role; active: boolean; createdAt: string };

export function toAccountUser(user: UserListItem): AccountUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: isRole(user.role) ? user.role : "agent",
    active: !user.banned,
    createdAt: user.createdAt.toISOString(),
  };
}
