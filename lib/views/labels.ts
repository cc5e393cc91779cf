// Labels as the API answers them and the browser shows them. Types and pure helpers only: shared by
// lib/labels (server) and components (browser).

/**
 * The fixed palette a label's colour comes from. Each is drawn as dark text on a light tint of the
 * colour with a darker border (contrast ≥ 4.5:1 for the text), and the name is always written: the
 * colour helps a glance, it never carries the meaning alone.
 */
export const LABEL_COLORS = [
  "gray",
  "red",
  "orange",
  "amber",
  "green",
  "teal",
  "blue",
  "indigo",
  "purple",
  "pink",
] as const;
export type LabelColor = (typeof LABEL_COLORS)[number];

export const isLabelColor = (value: unknown): value is LabelColor =>
  typeof value === "string" && (LABEL_COLORS as readonly string[]).includes(value);

/** At most this many labels exist: a list to pick from, not a tag cloud. */
export const MAX_LABELS = 50;
/** At most this many labels on one conversation. */
export const MAX_LABELS_PER_CONVERSATION = 10;
export const MAX_LABEL_NAME_LENGTH = 40;

/** A label on a conversation (what list rows and the thread show). */
export type LabelChipView = { id: string; name: string; color: LabelColor };

/** A label as Settings → Labels and the pickers list it. */
export type LabelView = LabelChipView & {
  /** Conversations carrying it (every state). */
  conversationCount: number;
};

/** GET /api/labels — every label, by name. */
export type LabelList = { labels: LabelView[] };

/** POST /api/labels; PATCH /api/labels/[id] takes the same fields, each optional. */
export type LabelRequest = { name: string; color: LabelColor };

/** POST /api/conversations/[id]/labels adds one; DELETE …/labels/[labelId] removes it. */
export type AddConversationLabelRequest = { labelId: string };

/** By name, whatever the case (the order of the settings page, pickers and chips). */
export function compareLabels(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: "base" }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
