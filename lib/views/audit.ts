// What the audit log records, with the words a person filters by. Shared by the server and the
// browser (no server-only code here). A new administrative act gets a line here, then
// recordAuditEvent() from its use-case.
export const auditActions = {
  "setting.updated": "Setting changed",
  "setting.cleared": "Setting removed",
  "sending.resumed": "Sending resumed",
  "phone_number.updated": "Phone number edited",
  "template.usable_changed": "Template enabled or disabled for agents",
  "user.created": "User created",
  "user.updated": "Name or email edited",
  "user.role_changed": "Role changed",
  "user.role_change_refused": "Role change refused",
  "user.deactivated": "User deactivated",
  "user.reactivated": "User reactivated",
  "user.password_reset_link": "Password reset link made",
  "user.password_reset": "Password reset with a link",
  "user.password_changed": "Own password changed",
  "user.profile_updated": "Own name changed",
  "canned_reply.created": "Canned reply added",
  "canned_reply.updated": "Canned reply edited",
  "canned_reply.deleted": "Canned reply deleted",
  "label.created": "Label added",
  "label.updated": "Label edited",
  "label.deleted": "Label deleted",
  "contact_attribute.created": "Contact attribute added",
  "contact_attribute.updated": "Contact attribute edited",
  "contact_attribute.deleted": "Contact attribute deleted",
  "demo.deleted": "Demo data deleted",
  "conversation.assigned": "Conversation assigned",
  "auto_assignment.updated": "Auto-assignment changed",
  "business_hours.updated": "Business hours edited",
  "business_hours.removed": "Business hours removed",
} as const;

export type AuditAction = keyof typeof auditActions;

export const AUDIT_ACTIONS = Object.keys(auditActions) as AuditAction[];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && Object.hasOwn(auditActions, value);
}

/** The target of an event about a shared canned reply. */
export const cannedReplyTarget = (id: string) => `canned_reply:${id}`;

/** The target of deleting the sandbox demo. */
export const DEMO_AUDIT_TARGET = "sandbox:demo";

/** The target of an event about a label. */
export const labelTarget = (id: string) => `label:${id}`;

/** The target of an event about a contact attribute. */
export const contactAttributeTarget = (id: string) => `contact_attribute:${id}`;

/** The target of an assignment (by hand or automatic). */
export const conversationTarget = (id: string) => `conversation:${id}`;
/** A WhatsApp number as an audit target: its Meta phone-number id. */
export const phoneNumberTarget = (phoneNumberId: string) => `phone_number:${phoneNumberId}`;

/** The actor of what the app does by itself (auto-assignment): no person, one fixed id. */
export const SYSTEM_ACTOR = { id: "system", email: "system", name: "System" } as const;

/** The target of an event about a user: one format, so entries can be found per user. */
export const userTarget = (userId: string) => `user:${userId}`;

export type AuditLogEntry = {
  id: string;
  at: string;
  actor: { id: string; email: string; name: string };
  action: string;
  /** The kind in words ("Role changed"), what the filter offers. */
  kind: string;
  target: string;
  /** e.g. "changed the App Secret": what happened, never the value. */
  summary: string;
};
