import "server-only";
import { isRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { findActiveUsers } from "@/lib/db/users";
import type { AgentView } from "@/lib/views/inbox";

/** Everyone a conversation can be assigned to: active users (admins answer too), by name, online or away. */
export async function findAgents(): Promise<AgentView[]> {
  return (await findActiveUsers({ db: getDb() })).map((user) => ({
    id: user.id,
    name: user.name,
    role: isRole(user.role) ? user.role : "agent",
    availability: user.availability,
  }));
}
