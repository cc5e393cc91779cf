// What the accounts API answers and the settings pages render — shared by lib/accounts (server) and
// components/settings (browser). Types only: no server imports here.

/** A user as pages and the API show it (serialisable; no secrets). */
export type AccountUser = {
  id: string;
  name: string;
  email: string;
  role: "admin" | "agent";
  active: boolean;
  createdAt: string;
  /** Open or pending conversations assigned to them (what deactivation would strand). */
  openConversations: number;
  /** Online: takes auto-assigned conversations; away: does not (they set it in the header). */
  availability: "online" | "away";
};

export type PasswordResetLink = { link: string; expiresAt: string; emailed: boolean };

/** POST /api/users/[id]/deactivate — what happens to the open conversations of someone deactivated. */
export type DeactivateUserRequest = { conversations: "unassign" | "reassign"; reassignTo?: string };
