"use client";

// The parts of a bubble that belong to sending: who sent it, where its send stands (with Retry),
// and the hover/keyboard actions (reply, react). The bubble's body stays message/message-content.
import {
  lazy,
  type ReactNode,
  type Ref,
  type RefObject,
  Suspense,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { isLocalMessage } from "@/lib/queries/inbox-cache";
import type { ThreadMessage } from "@/lib/views/inbox";
import { useThreadActions } from "./thread-actions";

const EmojiPicker = lazy(() => import("./emoji-picker"));

/** The quick row of the reaction menu; the fuller picker is one click further. */
export const QUICK_REACTIONS = ["👍", "❤️", "😂", "😮", "😢", "🙏"];

/** "You", the agent's name, or the WhatsApp Business app on the same number. */
export function AuthorLine({ message }: { message: ThreadMessage }) {
  const actions = useThreadActions();
  const author = message.author;
  if (message.direction !== "outbound" || !author) return null;
  const name =
    author.kind === "agent"
      ? actions && author.id === actions.userId
        ? "You"
        : author.name
      : author.kind === "business_app"
        ? "WhatsApp Business app"
        : "Sent automatically";
  return (
    <p data-testid="message-author" className="text-xs font-medium text-emerald-800">
      {name}
    </p>
  );
}

/** A failed or unconfirmed send: what happened, what to do, and Retry. */
export function SendStateNotice({ message }: { message: ThreadMessage }) {
  const actions = useThreadActions();
  const [busy, setBusy] = useState(false);
  if (message.direction !== "outbound") return null;
  const { sendState, sendError } = message;
  if (sendState !== "failed" && sendState !== "unknown") return null;
  const local = isLocalMessage(message);
  const run = (action: (message: ThreadMessage) => void) => {
    setBusy(true);
    action(message);
    // The bubble is replaced or updated by the answer; re-enable in case it stays.
    setTimeout(() => setBusy(false), 1_500);
  };
  return (
    <div
      data-testid="send-problem"
      className={`rounded-md border px-2 py-1.5 text-xs ${sendState === "failed" ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}
    >
      <p className="font-semibold">
        {sendState === "unknown" ? "Not confirmed" : sendError?.title || "Not sent"}
        {sendError?.code ? <span className="font-normal"> (code {sendError.code})</span> : null}
      </p>
      {sendState === "unknown" ? (
        <p>{sendError?.title ?? "No answer came from Meta: it may or may not have reached the customer."}</p>
      ) : null}
      {sendError?.details ? <p>{sendError.details}</p> : null}
      {sendError?.advice ? <p className="mt-0.5 text-slate-700">{sendError.advice}</p> : null}
      {message.retriedById ? (
        <p data-testid="retried" className="mt-1 font-medium text-slate-600">
          Sent again as a new message below.
        </p>
      ) : actions ? (
        <div className="mt-1 flex gap-2">
          <button
            type="button"
            disabled={busy}
            // A send that may have reached the customer first asks (a dialog that hands focus back
            // here): only a Retry that sends at once waits for its answer.
            onClick={() =>
              sendState === "unknown" && !local
                ? actions.retry(message)
                : run(local ? actions.resendLocal : actions.retry)
            }
            className="rounded border border-current px-2 py-0.5 font-medium hover:bg-white/60 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-emerald-700 disabled:opacity-60"
          >
            Retry
          </button>
          {local ? (
            <button
              type="button"
              onClick={() => actions.discardLocal(message)}
              className="rounded px-2 py-0.5 font-medium underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-emerald-700"
            >
              Discard
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** Reply (any message Meta knows) and React (customer messages), on hover, focus, or always on touch screens. */
export function MessageToolbar({ message, outbound }: { message: ThreadMessage; outbound: boolean }) {
  const actions = useThreadActions();
  const [reacting, setReacting] = useState(false);
  const reactButton = useRef<HTMLButtonElement>(null);
  if (!actions || message.wamid === null || isLocalMessage(message)) return null;
  const canReact = message.direction === "inbound" && actions.canSend;
  const canReply = actions.canSend;
  if (!canReact && !canReply) return null;
  return (
    <div
      data-testid="message-actions"
      className={`absolute top-0 z-10 flex items-center gap-0.5 rounded-full bg-white p-0.5 shadow ring-1 ring-slate-200 ${outbound ? "right-full mr-1" : "left-full ml-1"} ${reacting ? "opacity-100" : "opacity-0 group-hover:opacity-100 group-focus-within:opacity-100 [@media(hover:none)]:opacity-100"}`}
    >
      {canReply ? (
        <IconButton label="Reply" onClick={() => actions.reply(message)}>
          <path d="M7 4 3 8l4 4M3.5 8H10a4 4 0 0 1 4 4v1" />
        </IconButton>
      ) : null}
      {canReact ? (
        <div className="relative">
          <IconButton ref={reactButton} label="React" expanded={reacting} onClick={() => setReacting((open) => !open)}>
            <circle cx="8" cy="8" r="6" />
            <path d="M5.5 9.5a3 3 0 0 0 5 0M6 6.5h.01M10 6.5h.01" />
          </IconButton>
          {reacting ? (
            <ReactionMenu
              message={message}
              onPick={(emoji) => {
                setReacting(false);
                reactButton.current?.focus();
                actions.react(message, emoji);
              }}
              onClose={(returnFocus) => {
                setReacting(false);
                // Escape gives the focus back to React; a click elsewhere keeps it where it landed.
                if (returnFocus) reactButton.current?.focus();
              }}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function IconButton({
  ref,
  label,
  expanded,
  onClick,
  children,
}: {
  ref?: Ref<HTMLButtonElement>;
  label: string;
  expanded?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      title={label}
      aria-expanded={expanded}
      onClick={onClick}
      className="rounded-full p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-emerald-700"
    >
      <svg
        viewBox="0 0 16 16"
        className="size-4"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        {children}
      </svg>
    </button>
  );
}

function ReactionMenu({
  message,
  onPick,
  onClose,
}: {
  message: ThreadMessage;
  onPick: (emoji: string) => void;
  onClose: (returnFocus: boolean) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [full, setFull] = useState(false);
  const { below, left } = useMenuPlacement(ref);
  const id = useId();
  const ours = message.reactions.find((reaction) => reaction.direction === "outbound")?.emoji ?? null;
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("button")?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [onClose]);
  return (
    <div
      ref={ref}
      role="dialog"
      aria-label="React to this message"
      aria-describedby={id}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose(true);
        }
      }}
      data-reaction-menu=""
      style={{ left }}
      className={`absolute z-20 w-max rounded-lg bg-white p-1.5 shadow-lg ring-1 ring-slate-200 ${below ? "top-full mt-1" : "bottom-full mb-1"}`}
    >
      <p id={id} className="sr-only">
        One reaction per message: choosing another replaces yours.
      </p>
      <div className="flex items-center gap-0.5">
        {QUICK_REACTIONS.map((emoji) => (
          <button
            key={emoji}
            type="button"
            aria-label={`React ${emoji}`}
            aria-pressed={ours === emoji}
            onClick={() => onPick(emoji)}
            className={`rounded-md p-1 text-lg leading-none hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-700 ${ours === emoji ? "bg-emerald-100" : ""}`}
          >
            {emoji}
          </button>
        ))}
        <button
          type="button"
          aria-label="More emoji"
          aria-expanded={full}
          onClick={() => setFull((open) => !open)}
          className="rounded-md px-1.5 py-1 text-sm font-semibold text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-700"
        >
          +
        </button>
      </div>
      {ours ? (
        <button
          type="button"
          onClick={() => onPick("")}
          className="mt-1 w-full rounded-md px-2 py-1 text-left text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-700"
        >
          Remove my reaction {ours}
        </button>
      ) : null}
      {full ? (
        <Suspense fallback={<p className="p-2 text-xs text-slate-500">Loading emoji…</p>}>
          <EmojiPicker onPick={onPick} />
        </Suspense>
      ) : null}
    </div>
  );
}

/**
 * Where the reaction menu goes so that the thread's view shows it whole: below its button when
 * there is less room above than the menu is tall and more below (a message near the top of the
 * view); moved left when it would pass the view's right edge (a phone's narrow thread); and the
 * view scrolled by what still does not fit. Measured again whenever the menu's size changes (the
 * full picker, once loaded, is taller and wider).
 */
function useMenuPlacement(menu: RefObject<HTMLDivElement | null>): { below: boolean; left: number } {
  // The menu's size is kept too, so that a menu that grew is scrolled into view again.
  const [placement, setPlacement] = useState({ below: false, left: 0, size: "" });
  useLayoutEffect(() => {
    const element = menu.current;
    const anchor = element?.parentElement;
    const view = element?.closest<HTMLElement>('[data-testid="message-list"]');
    if (!element || !anchor || !view) return;
    const measure = () => {
      const bounds = view.getBoundingClientRect();
      const at = anchor.getBoundingClientRect();
      const above = at.top - bounds.top;
      const under = bounds.bottom - at.bottom;
      const below = above < element.offsetHeight + MENU_GAP && under > above;
      const overflow = at.left + element.offsetWidth + MENU_GAP - bounds.right;
      const left = Math.max(bounds.left + MENU_GAP - at.left, Math.min(0, -overflow));
      const size = `${element.offsetWidth}x${element.offsetHeight}`;
      setPlacement((current) =>
        current.below === below && current.left === left && current.size === size ? current : { below, left, size },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [menu]);
  // Then, placed, whatever still falls outside the view is scrolled into it.
  useLayoutEffect(() => {
    const element = menu.current;
    const view = element?.closest<HTMLElement>('[data-testid="message-list"]');
    if (!element || !view) return;
    const bounds = view.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    if (box.bottom > bounds.bottom) view.scrollTop += box.bottom - bounds.bottom + MENU_GAP;
    else if (box.top < bounds.top) view.scrollTop -= bounds.top - box.top + MENU_GAP;
  }, [menu, placement]);
  return placement;
}

/** Space kept between the reaction menu and the edges of the thread's view, in px. */
const MENU_GAP = 4;
