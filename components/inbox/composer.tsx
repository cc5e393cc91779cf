"use client";

import {
  type KeyboardEvent,
  lazy,
  type Ref,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { type Draft, type DraftQuote, clearDraft, loadDraft, saveDraft } from "@/lib/queries/drafts";
import { useCannedReplies } from "@/lib/queries/use-canned-replies";
import { useAgents } from "@/lib/queries/use-conversations";
import type { SendResult } from "@/lib/queries/use-outbound";
import { type Suggestion, type SuggestionItem, SuggestionList, suggestionAt } from "./composer-suggestions";
import type { ConversationDetail } from "@/lib/views/inbox";
import type { TemplateHeaderMedia } from "@/lib/views/template";
import { AttachButton, AttachmentTray, useAttachment } from "./attachment";
import { MessagePreviewLine } from "./message/message-preview-line";
import { replyWindow } from "./format";
import { LazyUntilOpen } from "@/components/ui/lazy-until-open";
import { LockedComposer } from "./locked-composer";
import { useMinuteClock } from "./use-minute-clock";

// Loaded when an agent first opens it, not with the thread.
const TemplatePickerDialog = lazy(() =>
  import("@/components/templates/template-picker-dialog").then((module) => ({ default: module.TemplatePickerDialog })),
);

/** Meta's limit for a text message's body. */
export const MAX_TEXT_LENGTH = 4_096;
/** The counter shows from here on. */
const COUNTER_FROM = 3_500;

/** Reply goes to the customer; Note stays with the team (allowed when the window is closed too). */
export type ComposerMode = "reply" | "note";

export type ComposerHandle = {
  focus: () => void;
  quote: (message: DraftQuote) => void;
  /** Switches to a mode and focuses the text box. */
  setMode: (mode: ComposerMode) => void;
};

type Props = {
  ref?: Ref<ComposerHandle>;
  conversation: ConversationDetail | undefined;
  userId: string;
  /** Why nothing can be sent right now (sending paused, no access token); null when it can. */
  sendingProblem: string | null;
  onSend: (draft: { text: string; replyTo: DraftQuote | null }) => Promise<SendResult>;
  /** A private note, with the colleagues picked with @. */
  onAddNote: (note: { text: string; mentionIds: string[] }) => Promise<SendResult>;
  /** Every change of the text (typing signals). */
  onInput: (text: string) => void;
  /** An approved template with its form's values (the one kind of message allowed after the window). */
  onSendTemplate: (
    template: { id: string },
    values: Record<string, string>,
    headerMedia: TemplateHeaderMedia | null,
  ) => Promise<SendResult>;
};

/**
 * The thread's footer: the reply box. Enter sends, Shift+Enter is a new line, Escape drops the
 * quote. The draft is kept per agent and conversation until sent, and nothing typed is lost on an
 * error: the text comes back with the reason.
 */
export function Composer({
  ref,
  conversation,
  userId,
  sendingProblem,
  onSend,
  onAddNote,
  onInput,
  onSendTemplate,
}: Props) {
  const conversationId = conversation?.id ?? null;
  const [mode, setModeState] = useState<ComposerMode>("reply");
  const [mentionIds, setMentionIds] = useState<string[]>([]);
  const [caret, setCaret] = useState(0);
  // Escape closes a suggestion list until the text changes.
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [text, setText] = useState("");
  const [replyTo, setReplyTo] = useState<DraftQuote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const latest = useRef<Draft>({ text: "", replyTo: null });
  const hintId = useId();
  const counterId = useId();
  const minute = useMinuteClock();
  const [pickerOpen, setPickerOpen] = useState(false);
  const picker = (
    <LazyUntilOpen open={pickerOpen}>
      <TemplatePickerDialog
        open={pickerOpen}
        onClose={() => setPickerOpen(false)}
        phoneNumberId={conversation?.phoneNumber.id ?? null}
        contactName={conversation ? conversation.contact.savedName?.trim() || conversation.contact.name : null}
        onSend={async (template, values, headerMedia) => {
          const result = await onSendTemplate(template, values, headerMedia);
          return result.ok ? { ok: true } : { ok: false, message: result.message };
        }}
      />
    </LazyUntilOpen>
  );

  // The draft is read after hydration (the server has no localStorage).
  const loadedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!conversationId || loadedFor.current === conversationId) return;
    loadedFor.current = conversationId;
    const draft = loadDraft({ userId, conversationId });
    if (draft) {
      latest.current = draft;
      setText(draft.text);
      setReplyTo(draft.replyTo);
    }
  }, [conversationId, userId]);

  const update = (next: Draft) => {
    latest.current = next;
    setText(next.text);
    setReplyTo(next.replyTo);
    if (conversationId) saveDraft({ userId, conversationId, draft: next });
  };

  useImperativeHandle(
    ref,
    () => ({
      focus: () => textareaRef.current?.focus(),
      quote: (message) => {
        setModeState("reply");
        update({ text: latest.current.text, replyTo: message });
        textareaRef.current?.focus();
      },
      setMode: (next) => {
        setModeState(next);
        // The text box renders in the next frame when switching away from the locked notice.
        requestAnimationFrame(() => textareaRef.current?.focus());
      },
    }),
    // update reads refs and stable setters, apart from the conversation it saves under.
    [conversationId, userId],
  );

  const replyState = conversation && minute !== null ? replyWindow(conversation.windowClosesAt, Date.now()) : null;
  const trimmed = text.trim();
  // Characters as Meta (and the server) count them: code points, so an emoji is one, not two.
  const length = text.length < COUNTER_FROM ? text.length : [...text].length;
  const tooLong = length > MAX_TEXT_LENGTH;
  const blockedReason =
    sendingProblem ??
    (tooLong ? `Too long: WhatsApp allows ${MAX_TEXT_LENGTH.toLocaleString("en")} characters.` : null);
  const noting = mode === "note";
  const canSend = noting
    ? Boolean(conversation) && trimmed !== "" && !tooLong
    : Boolean(conversation) && replyState?.state === "open" && trimmed !== "" && !blockedReason;

  const suggestion: Suggestion = dismissedAt === text ? null : suggestionAt({ text, caret, mode });
  const agents = useAgents();
  const canned = useCannedReplies(conversationId, { enabled: suggestion?.kind === "canned" });
  const suggestionItems: SuggestionItem[] =
    suggestion?.kind === "mention"
      ? (agents.data ?? [])
          .filter((agent) => agent.id !== userId && agent.name.toLowerCase().includes(suggestion.query))
          .slice(0, 8)
          .map((agent) => ({ id: agent.id, label: agent.name, detail: agent.role === "admin" ? "Admin" : null }))
      : suggestion?.kind === "canned"
        ? (canned.data ?? [])
            .filter(
              (reply) =>
                reply.shortcut.startsWith(suggestion.query) || reply.title.toLowerCase().includes(suggestion.query),
            )
            .slice(0, 8)
            .map((reply) => ({
              id: reply.id,
              label: `/${reply.shortcut} · ${reply.title}`,
              detail: (reply.filled ?? reply.text).slice(0, 120),
            }))
        : [];
  const suggestionOpen = suggestion !== null;
  const active = Math.min(activeIndex, Math.max(0, suggestionItems.length - 1));

  // After a pick the caret goes behind what was inserted, in the same commit (keys typed next land there).
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingCaret.current === null) return;
    textareaRef.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  function setMode(next: ComposerMode) {
    setModeState(next);
    textareaRef.current?.focus();
  }

  function pick(index: number) {
    const item = suggestionItems[index];
    if (!item || !suggestion) return;
    if (suggestion.kind === "mention") {
      const inserted = `@${item.label} `;
      const next = text.slice(0, suggestion.start) + inserted + text.slice(suggestion.end);
      update({ text: next, replyTo });
      setMentionIds((ids) => (ids.includes(item.id) ? ids : [...ids, item.id]));
      const at = suggestion.start + inserted.length;
      setCaret(at);
      pendingCaret.current = at;
    } else {
      const reply = canned.data?.find((candidate) => candidate.id === item.id);
      if (!reply) return;
      const next = reply.filled ?? reply.text;
      update({ text: next, replyTo });
      if (!noting) onInput(next);
      setCaret(next.length);
      pendingCaret.current = next.length;
    }
    setActiveIndex(0);
  }

  async function addNote() {
    const note = { text, mentionIds };
    setError(null);
    update({ text: "", replyTo });
    setMentionIds([]);
    const result = await onAddNote(note);
    if (result.ok) {
      if (conversationId && latest.current.text === "" && !latest.current.replyTo)
        clearDraft({ userId, conversationId });
      return;
    }
    setError(`Note not added: ${result.message}`);
    if (latest.current.text === "") {
      update({ text: note.text, replyTo: latest.current.replyTo });
      setMentionIds(note.mentionIds);
    }
  }
  const attachment = useAttachment({
    conversationId,
    enabled: !noting && Boolean(conversation) && replyState?.state === "open" && sendingProblem === null,
  });

  async function send() {
    if (!canSend) return;
    if (noting) return addNote();
    const draft = { text, replyTo };
    setError(null);
    update({ text: "", replyTo: null });
    if (conversationId) clearDraft({ userId, conversationId });
    const result = await onSend({ text: draft.text, replyTo: draft.replyTo });
    if (result.ok) return;
    setError(`Not sent: ${result.message}`);
    // The text comes back unless the agent has started another message meanwhile (the failed
    // bubble still shows it then).
    if (latest.current.text === "") update({ text: draft.text, replyTo: latest.current.replyTo ?? draft.replyTo });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Alt+N switches between Reply and Note (by key position: Option+N types a character on a Mac).
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyN") {
      event.preventDefault();
      setMode(noting ? "reply" : "note");
      return;
    }
    if (suggestionOpen && !event.nativeEvent.isComposing) {
      const count = suggestionItems.length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (count > 0) setActiveIndex((active + (event.key === "ArrowDown" ? 1 : count - 1)) % count);
        return;
      }
      if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey && count > 0) {
        event.preventDefault();
        pick(active);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(text);
        return;
      }
      // A "/" list with nothing matching must not send "/xyz" to the customer by accident.
      if (event.key === "Enter" && suggestion?.kind === "canned" && !event.shiftKey) {
        event.preventDefault();
        return;
      }
    }
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    } else if (event.key === "Escape") {
      event.stopPropagation();
      if (replyTo) update({ text, replyTo: null });
      else textareaRef.current?.blur();
    }
  }

  const modeBar = <ComposerModeBar mode={mode} onChange={setMode} />;
  if (!noting && replyState && replyState.state !== "open") {
    return (
      <div>
        <div className="border-t border-slate-200 bg-slate-50 px-3 pt-2 sm:px-4">{modeBar}</div>
        <LockedComposer
          state={replyState.state}
          closesAt={replyState.state === "closed" ? replyState.closesAt : null}
          onOpenTemplates={() => setPickerOpen(true)}
          sendingProblem={sendingProblem}
        />
        {picker}
      </div>
    );
  }

  const hint = !conversation
    ? "Loading the conversation…"
    : noting
      ? tooLong
        ? `Too long: a note holds ${MAX_TEXT_LENGTH.toLocaleString("en")} characters.`
        : "Only your team sees notes; @ mentions a colleague. Alt+N switches back to Reply."
      : (blockedReason ?? (conversation.assignee === null ? "Replying assigns this conversation to you." : null));
  const listId = `${hintId}-suggestions`;
  return (
    <footer
      data-testid="composer"
      data-mode={mode}
      className={`border-t px-3 py-2 sm:px-4 ${noting ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
      {...attachment.dropProps}
    >
      <div className="mb-1.5">{modeBar}</div>
      <AttachmentTray attachment={attachment} />
      {replyTo ? (
        <div
          data-testid="composer-quote"
          className="mb-2 flex items-start gap-2 rounded-md border-l-4 border-sky-500 bg-slate-100 px-2 py-1 text-xs"
        >
          <div className="min-w-0 flex-1">
            <p className="font-medium text-sky-800">
              Replying to {replyTo.direction === "outbound" ? "your message" : "the customer"}
            </p>
            <p dir="auto" className="line-clamp-2 break-words text-slate-600">
              <MessagePreviewLine type={replyTo.type} text={replyTo.text} />
            </p>
          </div>
          <button
            type="button"
            aria-label="Cancel the reply (Escape)"
            title="Cancel the reply (Escape)"
            onClick={() => {
              update({ text, replyTo: null });
              textareaRef.current?.focus();
            }}
            className="rounded p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-emerald-700"
          >
            <svg
              viewBox="0 0 16 16"
              className="size-4"
              aria-hidden="true"
              fill="none"
              stroke="currentColor"
              strokeWidth={1.6}
            >
              <path d="m4 4 8 8M12 4l-8 8" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
        className="relative flex items-end gap-2"
      >
        {suggestionOpen ? (
          <SuggestionList
            id={listId}
            title={suggestion.kind === "mention" ? "Mention a colleague" : "Canned replies"}
            items={suggestionItems}
            activeIndex={active}
            loading={suggestion.kind === "canned" ? canned.isPending : agents.isPending}
            error={(suggestion.kind === "canned" ? canned.error : agents.error)?.message ?? null}
            empty={
              suggestion.kind === "mention"
                ? "No colleague by that name."
                : "No canned reply matches. Add some in Settings → Canned replies."
            }
            onPick={pick}
            onHover={setActiveIndex}
          />
        ) : null}
        <button
          type="button"
          onClick={() => setPickerOpen(true)}
          disabled={!conversation}
          aria-label="Template message"
          title="Send a template"
          data-testid="open-templates"
          className="flex size-10 shrink-0 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-emerald-700 disabled:opacity-50"
        >
          <svg
            viewBox="0 0 20 20"
            className="size-5"
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            strokeWidth={1.5}
          >
            <rect x="3.5" y="2.5" width="13" height="15" rx="1.5" />
            <path d="M6.5 6.5h7M6.5 9.5h7M6.5 12.5h4" strokeLinecap="round" />
          </svg>
        </button>
        <AttachButton attachment={attachment} />
        <label htmlFor={`${hintId}-text`} className="sr-only">
          {noting ? "Private note for your team" : "Reply to the customer"}
        </label>
        <textarea
          ref={textareaRef}
          id={`${hintId}-text`}
          value={text}
          rows={1}
          disabled={!conversation}
          placeholder={
            noting
              ? "Note for your team… (@ mentions a colleague, Enter adds it)"
              : "Type a reply… (/ for canned replies, Enter sends)"
          }
          // A textbox with a suggestion list (not role=combobox: it is a multi-line editor first).
          aria-controls={suggestionOpen ? listId : undefined}
          aria-autocomplete="list"
          aria-activedescendant={suggestionOpen && suggestionItems.length > 0 ? `${listId}-${active}` : undefined}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          aria-describedby={
            [hint ? hintId : null, length >= COUNTER_FROM ? counterId : null].filter(Boolean).join(" ") || undefined
          }
          aria-invalid={tooLong || undefined}
          onChange={(event) => {
            update({ text: event.target.value, replyTo });
            setCaret(event.target.selectionStart);
            setActiveIndex(0);
            // Notes are not typing to the customer: no typing indicator for them.
            if (!noting) onInput(event.target.value);
            if (error) setError(null);
          }}
          onKeyDown={onKeyDown}
          onPaste={attachment.onPaste}
          dir="auto"
          className={`max-h-48 min-h-10 flex-1 resize-none rounded-lg border bg-white px-3 py-2 text-sm [field-sizing:content] focus-visible:outline-2 disabled:bg-slate-50 ${noting ? "border-amber-400 focus-visible:border-amber-600 focus-visible:outline-amber-600" : "border-slate-300 focus-visible:border-emerald-600 focus-visible:outline-emerald-600"}`}
        />
        <button
          type="submit"
          disabled={!canSend}
          aria-label={noting ? "Add note" : "Send"}
          title={
            noting
              ? trimmed === ""
                ? "Type a note to add"
                : "Add note (Enter)"
              : (blockedReason ?? (trimmed === "" ? "Type a message to send" : "Send (Enter)"))
          }
          className={`flex size-10 shrink-0 items-center justify-center rounded-full text-white focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-not-allowed disabled:bg-slate-300 ${noting ? "bg-amber-600 hover:bg-amber-700 focus-visible:outline-amber-600" : "bg-emerald-700 hover:bg-emerald-800 focus-visible:outline-emerald-700"}`}
        >
          <svg viewBox="0 0 20 20" className="size-5" aria-hidden="true" fill="currentColor">
            <path d="M3.4 2.6a.75.75 0 0 0-1 .9L4.3 9.2a.75.75 0 0 0 .7.5h5.3a.3.3 0 0 1 0 .6H5a.75.75 0 0 0-.7.5l-1.9 5.7a.75.75 0 0 0 1 .9l14.3-6.7a.75.75 0 0 0 0-1.4z" />
          </svg>
        </button>
      </form>
      <div className="mt-1 flex min-h-4 items-start gap-3 text-xs">
        <p
          id={hintId}
          data-testid="composer-hint"
          className={`flex-1 ${(noting ? tooLong : blockedReason) ? "text-red-700" : noting ? "text-amber-900" : "text-slate-500"}`}
        >
          {hint}
        </p>
        {length >= COUNTER_FROM ? (
          <p
            id={counterId}
            data-testid="composer-counter"
            className={`shrink-0 tabular-nums ${tooLong ? "font-semibold text-red-700" : "text-slate-500"}`}
          >
            {length.toLocaleString("en")} / {MAX_TEXT_LENGTH.toLocaleString("en")}
          </p>
        ) : null}
      </div>
      <p role="alert" data-testid="composer-error" className="text-xs text-red-700 empty:hidden">
        {error}
      </p>
      {picker}
    </footer>
  );
}

/** Reply or Note: which one the text box writes (Alt+N in the text box, r / n elsewhere). */
function ComposerModeBar({ mode, onChange }: { mode: ComposerMode; onChange: (mode: ComposerMode) => void }) {
  const options: { value: ComposerMode; label: string; title: string }[] = [
    { value: "reply", label: "Reply", title: "Reply to the customer (r)" },
    { value: "note", label: "Note", title: "Private note for your team (n, or Alt+N in the text box)" },
  ];
  return (
    <div role="group" aria-label="Write a" className="inline-flex rounded-md bg-slate-100 p-0.5 text-xs">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={mode === option.value}
          title={option.title}
          onClick={() => onChange(option.value)}
          className={`flex items-center gap-1 rounded px-2.5 py-1 font-medium focus-visible:outline-2 focus-visible:outline-emerald-700 ${
            mode === option.value
              ? option.value === "note"
                ? "bg-amber-200 text-amber-950 shadow-sm"
                : "bg-white text-slate-900 shadow-sm"
              : "text-slate-600 hover:text-slate-900"
          }`}
        >
          {option.value === "note" ? (
            <svg
              viewBox="0 0 16 16"
              className="size-3"
              aria-hidden="true"
              fill="none"
              stroke="currentColor"
              strokeWidth={1.6}
            >
              <rect x="3" y="7" width="10" height="7" rx="1.5" />
              <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
            </svg>
          ) : null}
          {option.label}
        </button>
      ))}
    </div>
  );
}
