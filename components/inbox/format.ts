// Display helpers for the inbox: who a contact is and when something happened (in the agent's time zone).
import type { ContactView, PhoneNumberView } from "@/lib/views/inbox";

export function formatPhone(waId: string | null): string | null {
  return waId ? `+${waId}` : null;
}

/** The best name we have: profile name, else number, else username / business-scoped id. */
export function contactLabel(contact: ContactView): string {
  return (
    contact.savedName?.trim() ||
    contact.name?.trim() ||
    formatPhone(contact.waId) ||
    contact.username ||
    contact.userId ||
    "Unknown contact"
  );
}

/**
 * Our display number written like customers' numbers: Meta's webhooks give bare digits
 * ("15550051234" → "+15550051234"); the Graph API's own formatting ("+1 555-005-1234") is kept.
 */
export function formatBusinessNumber(displayPhoneNumber: string | null | undefined): string | null {
  const display = displayPhoneNumber?.trim();
  if (!display) return null;
  return /^\d+$/.test(display) ? `+${display}` : display;
}

/** Our number as the agent reads it: its name, else its display number. */
export function phoneNumberLabel(number: PhoneNumberView): string {
  return number.name || formatBusinessNumber(number.displayPhoneNumber) || number.id;
}

export { formatDateTime as formatFullTime } from "@/components/ui/time";

export function formatUnread(count: number): string {
  return count >= 100 ? "99+" : String(count);
}

/** The tab title: how many conversations wait for this agent, then where they are. */
export function inboxTitle(unreadConversations: number): string {
  const title = "Inbox · WhatsApp Inbox";
  return unreadConversations > 0 ? `(${formatUnread(unreadConversations)}) ${title}` : title;
}

export type ReplyWindow =
  | { state: "never" }
  | { state: "closed"; closesAt: string }
  /** lastHour: amber in the thread, flagged in the list. */
  | { state: "open"; closesAt: string; label: string; lastHour: boolean };

const WINDOW_MINUTES = 24 * 60;

/** The 24-hour customer service window as the agent reads it: "closes in 3 h 12 min". */
export function replyWindow(windowClosesAt: string | null, now: number): ReplyWindow {
  if (!windowClosesAt) return { state: "never" };
  const left = new Date(windowClosesAt).getTime() - now;
  if (!(left > 0)) return { state: "closed", closesAt: windowClosesAt };
  // Never more than the 24 hours a window lasts: a customer's timestamp a few seconds ahead of our
  // clock (Meta's clock and ours differ) would otherwise read "closes in 24 h 1 min".
  const minutes = Math.min(Math.ceil(left / 60_000), WINDOW_MINUTES);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const label =
    hours === 0 ? `closes in ${rest} min` : rest === 0 ? `closes in ${hours} h` : `closes in ${hours} h ${rest} min`;
  return { state: "open", closesAt: windowClosesAt, label, lastHour: left <= 3_600_000 };
}
