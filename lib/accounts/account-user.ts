import { isRole } from "@/lib/auth/roles";
import type { UserListItem } from "@/lib/db/users";
import type { AccountUser } from "@/lib/views/accounts";

export function toAccountUser(user: UserListItem, openConversations = 0): AccountUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: isRole(user.role) ? user.role : "agent",
    active: !user.banned,
    createdAt: user.createdAt.toISOString(),
    openConversations,
    availability: user.availability,
  };
}

/** How the audit log names a user, kept with each entry: "Bob <bob@example.com>". */
export const userLabel = (user: { name: string; email: string }) => `${user.name} <${user.email}>`;
