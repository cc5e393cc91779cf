// Canned replies as the API answers them and the browser shows them, and how their variables are
// filled. Types and pure helpers only: shared by lib/canned (server) and components (browser).

export type CannedReplyScope = "shared" | "personal";

export type CannedReplyView = {
  id: string;
  title: string;
  /** What the agent types after `/` to find it (lower case letters, digits, - and _). */
  shortcut: string;
  /** The text as saved, with its {{variables}}. */
  text: string;
  /** shared: the team's (admins manage); personal: the signed-in agent's own. */
  scope: CannedReplyScope;
  /** Whether the signed-in user may edit and delete it (the server enforces the same rule). */
  canEdit: boolean;
  /** With ?conversationId=: the text with that conversation's variables filled in. */
  filled: string | null;
};

/** GET /api/canned-replies[?conversationId=] — shared ones and the signed-in user's own, by shortcut. */
export type CannedReplyList = { cannedReplies: CannedReplyView[] };

/** POST /api/canned-replies; PATCH /api/canned-replies/[id] takes the same fields, each optional. */
export type CannedReplyRequest = { title: string; shortcut: string; text: string; scope: CannedReplyScope };

/** The variables a canned reply may use, with what they stand for (shown on the settings page). */
export const CANNED_REPLY_VARIABLES = [
  {
    name: "contact.name",
    description: "the customer's name (the team's name for them, else their WhatsApp profile name)",
  },
  { name: "agent.name", description: "your name" },
  { name: "business.name", description: "the name of the business number the customer wrote to" },
] as const;

export type CannedReplyContext = { contactName: string | null; agentName: string; businessName: string | null };

/**
 * The text with its variables filled in. A value that is not known (a customer without a profile
 * name) becomes "" and the spaces around it close up; an unknown {{variable}} stays as typed, so a
 * typo is visible before sending rather than silently dropped.
 */
export function fillCannedReply(text: string, context: CannedReplyContext): string {
  const values: Record<string, string | null> = {
    "contact.name": context.contactName,
    "agent.name": context.agentName,
    "business.name": context.businessName,
  };
  return text.replace(/( ?)\{\{\s*([a-z_.]+)\s*\}\}/gi, (match: string, space: string, name: string) => {
    const key = name.toLowerCase();
    if (!Object.hasOwn(values, key)) return match;
    const value = values[key]?.trim();
    return value ? `${space}${value}` : "";
  });
}
