// Display helpers for the inbox: who a contact is and when something happened (in the agent's time zone).
import type { ContactView, PhoneNumberView } from "@/lib/inbox/inbox-views";

export function formatPhone(waId: string | null): string | null {
  return waId ? `+${waId}` : null;
}

/** The best name we have: profile name, else number, else username / business-scoped id. */
export function contactLabel(contact: ContactView): string {
  return contact.name?.trim() || formatPhone(contact.waId) || contact.username || contact.userId || "Unknown contact";
}

export function phoneNumberLabel(number: PhoneNumberView): string {
  return number.name || number.displayPhoneNumber || number.id;
}

/** List timestamps: time today, weekday this week, else the date. */
export function formatListTime(iso: string | null, now = new Date()): string {
  if (!iso) return "";
  const date = new Date(iso);
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (date >= startOfToday) return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  const days = (startOfToday.getTime() - date.getTime()) / 86_400_000;
  if (days < 6) return date.toLocaleDateString(undefined, { weekday: "short" });
  return date.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "2-digit" });
}

export function formatFullTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function formatUnread(count: number): string {
  return count >= 100 ? "99+" : String(count);
}

/** The tab title: how many conversations wait for this agent, then where they are. */
export function inboxTitle(unreadConversations: number): string {
  const title = "Inbox · WhatsApp Inbox";
  return unreadConversations > 0 ? `(${formatUnread(unreadConversations)}) ${title}` : title;
}
