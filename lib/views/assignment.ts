// Availability and auto-assignment as the API answers them. Shared by the server and the browser.

/** online: takes auto-assigned conversations; away: does not (the default until one says otherwise). */
export const AVAILABILITIES = ["online", "away"] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export const availabilityLabels: Record<Availability, string> = { online: "Online", away: "Away" };

/** Also enforced by the database (auto_assignments_cap_range). */
export const AUTO_ASSIGN_CAP_MAX = 1000;

/** One number's auto-assignment (off when an admin never turned it on). */
export type AutoAssignmentView = { enabled: boolean; cap: number | null };
