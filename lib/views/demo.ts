// The sandbox demo's data as an admin sees it before deleting it (GET/DELETE /api/settings/demo-data).
// Pure, shared with the browser.

export type DemoDataCounts = {
  /** The demo numbers' names (or display numbers), as the inbox shows them. */
  numbers: string[];
  conversations: number;
  messages: number;
  contacts: number;
  templates: number;
};

/** What is left of the demo, and when an admin deleted it (null: never). */
export type DemoDataView = DemoDataCounts & { deletedAt: string | null };

export function hasDemoData(counts: DemoDataCounts): boolean {
  return counts.numbers.length > 0 || counts.templates > 0;
}

/** "2 numbers, 4 conversations, 6 messages, 4 contacts, 3 templates". */
export function describeDemoData(counts: DemoDataCounts): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return [
    plural(counts.numbers.length, "number"),
    plural(counts.conversations, "conversation"),
    plural(counts.messages, "message"),
    plural(counts.contacts, "contact"),
    plural(counts.templates, "template"),
  ].join(", ");
}
