// Roles, shared by the server and the browser (no server-only code here).
export const ROLES = ["admin", "agent"] as const;
export type Role = (typeof ROLES)[number];

export const roleLabels: Record<Role, string> = { admin: "Admin", agent: "Agent" };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
