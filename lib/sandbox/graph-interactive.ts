// POST …/messages with type "interactive": what Meta checks of reply buttons and lists
// (cloud-api/messages/interactive-*-messages) — at most 3 buttons, at most 10 rows in all.
import { invalidParameter, type SandboxSendError } from "./graph-errors";

type Reply = { type?: unknown; reply?: { id?: unknown; title?: unknown } };
type Row = { id?: unknown; title?: unknown; description?: unknown };
type Section = { title?: unknown; rows?: unknown };

const text = (value: unknown, max: number) => typeof value === "string" && value.length > 0 && value.length <= max;

export function validateInteractiveSend(interactive: unknown): SandboxSendError | null {
  if (typeof interactive !== "object" || interactive === null) return invalidParameter("interactive is required.");
  const { type, body, action } = interactive as { type?: unknown; body?: { text?: unknown }; action?: unknown };
  if (!text(body?.text, 1_024)) return invalidParameter("interactive.body.text is required (at most 1024 characters).");
  const details = (action ?? {}) as { buttons?: unknown; button?: unknown; sections?: unknown };
  if (type === "button") {
    const buttons = Array.isArray(details.buttons) ? (details.buttons as Reply[]) : [];
    if (buttons.length < 1 || buttons.length > 3) return invalidParameter("A button message has 1 to 3 buttons.");
    const bad = buttons.some(
      (button) => button.type !== "reply" || !text(button.reply?.id, 256) || !text(button.reply?.title, 20),
    );
    return bad ? invalidParameter("Each button is {type: 'reply', reply: {id, title (≤ 20 characters)}}.") : null;
  }
  if (type === "list") {
    if (!text(details.button, 20)) return invalidParameter("action.button (≤ 20 characters) is required for a list.");
    const sections = Array.isArray(details.sections) ? (details.sections as Section[]) : [];
    const rows = sections.flatMap((section) => (Array.isArray(section.rows) ? (section.rows as Row[]) : []));
    if (sections.length < 1 || sections.length > 10) return invalidParameter("A list has 1 to 10 sections.");
    if (rows.length < 1 || rows.length > 10) return invalidParameter("A list has 1 to 10 rows in all.");
    const bad = rows.some((row) => !text(row.id, 200) || !text(row.title, 24));
    return bad ? invalidParameter("Each row has an id and a title (≤ 24 characters).") : null;
  }
  return invalidParameter(`Unsupported interactive type in this sandbox: ${String(type)}.`);
}

/** What the phone offers to tap: a button message's buttons, or a list's rows. */
export function interactiveChoices(content: unknown): { text: string; payload: string | null }[] {
  const { type, action } = (content ?? {}) as { type?: string; action?: { buttons?: Reply[]; sections?: Section[] } };
  if (type === "list") {
    return (action?.sections ?? [])
      .flatMap((section) => (Array.isArray(section.rows) ? (section.rows as Row[]) : []))
      .map((row) => ({ text: String(row.title ?? ""), payload: typeof row.id === "string" ? row.id : null }));
  }
  return (action?.buttons ?? []).map((button) => ({
    text: String(button.reply?.title ?? ""),
    payload: typeof button.reply?.id === "string" ? button.reply.id : null,
  }));
}
