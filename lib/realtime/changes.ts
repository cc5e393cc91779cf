import type { SendingStatusView } from "@/lib/views/inbox";
import type { TemplateChange } from "@/lib/views/template";

// What one committed transaction changed, in the terms realtime delivery needs. Whoever commits
// builds one and hands it to publishInboxChanges (lib/inbox/publish-inbox-changes.ts, which adds the
// views of what changed) or publishRealtime (lib/realtime/server.ts) right after the commit.

/** A message's derived tick moved (lib/db/messages refreshMessageStatuses returns these). */
export type StatusChange = {
  id: string;
  wamid: string;
  conversationId: string;
  status: string;
  statusAt: Date | null;
  errorCode: number | null;
  errorTitle: string | null;
};

export type InboxChanges = {
  conversationsCreated: string[];
  conversationsUpdated: string[];
  messagesCreated: { id: string; conversationId: string; direction: "inbound" | "outbound" }[];
  statusesChanged: StatusChange[];
  reactionsChanged: { targetWamid: string; conversationId: string }[];
  /** Our messages that moved in the send pipeline (not their ticks: those are statusesChanged). */
  messagesUpdated: { id: string; conversationId: string }[];
  /** Sending paused or resumed (the newest state last). */
  sendingStatus: SendingStatusView[];
  accountEvents: { field: string }[];
  /** Media messages whose download job was created (not published: it starts the download). */
  mediaQueued: string[];
  /** Colleagues @mentioned in a private note (their "Mentions" count changes). */
  mentionsCreated: { conversationId: string; userIds: string[] }[];
  /** A user read a conversation (their unread counts and mentions changed, nobody else's). */
  conversationsRead: { conversationId: string; userId: string }[];
  /** Templates whose status, category or quality Meta changed (a webhook, a sync). */
  templatesChanged: TemplateChange[];
  /** Labels added, renamed, recoloured or deleted by an admin (every chip and picker redraws). */
  labelsChanged: string[];
  /** Contacts whose name or notes the team changed (their panels redraw). */
  contactsUpdated: string[];
  /** Contact attributes an admin added, renamed, re-optioned or deleted (every contact panel redraws). */
  contactAttributesChanged: string[];
  /** Conversations folded into another (a customer's two numbers became one contact). */
  conversationsMerged: { from: string; into: string }[];
  /** Conversations deleted (an admin deleted the sandbox's demo data). */
  conversationsDeleted: string[];
  /** Users who set themselves online or away (colleagues' assignee pickers show it). */
  availabilityChanged: { userId: string; availability: "online" | "away" }[];
  /** Numbers whose business hours an admin changed (every inbox's "Back at" follows). */
  phoneNumbersChanged: string[];
};

export function emptyInboxChanges(): InboxChanges {
  return {
    conversationsCreated: [],
    conversationsUpdated: [],
    messagesCreated: [],
    statusesChanged: [],
    reactionsChanged: [],
    messagesUpdated: [],
    sendingStatus: [],
    accountEvents: [],
    mediaQueued: [],
    mentionsCreated: [],
    conversationsRead: [],
    templatesChanged: [],
    labelsChanged: [],
    contactsUpdated: [],
    contactAttributesChanged: [],
    conversationsMerged: [],
    conversationsDeleted: [],
    availabilityChanged: [],
    phoneNumbersChanged: [],
  };
}

export function isEmptyInboxChanges(changes: InboxChanges): boolean {
  return Object.values(changes).every((list) => list.length === 0);
}
