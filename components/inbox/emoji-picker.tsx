"use client";

// The fuller reaction picker (frimousse: unstyled, keyboard navigable, virtualized), loaded only
// when an agent asks for it. Its Emojibase data comes from this app (/api/emoji), not a CDN.
import { EmojiPicker as Picker } from "frimousse";

export default function EmojiPicker({ onPick }: { onPick: (emoji: string) => void }) {
  return (
    <Picker.Root
      emojibaseUrl="/api/emoji"
      locale="en"
      columns={8}
      onEmojiSelect={({ emoji }) => onPick(emoji)}
      className="mt-1 flex h-72 w-[18rem] flex-col border-t border-slate-100 pt-1"
    >
      {/* Opened by the agent (More emoji): the search takes the focus, so typing, the arrow keys
          and Enter pick an emoji without the mouse. */}
      <Picker.Search
        autoFocus
        aria-label="Search emoji"
        placeholder="Search emoji…"
        className="mx-1 rounded-md border border-slate-300 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-emerald-700"
      />
      <Picker.Viewport className="relative mt-1 flex-1 outline-none focus-visible:ring-2 focus-visible:ring-emerald-700 focus-visible:ring-inset">
        <Picker.Loading className="absolute inset-0 flex items-center justify-center text-xs text-slate-500">
          Loading…
        </Picker.Loading>
        <Picker.Empty className="absolute inset-0 flex items-center justify-center text-xs text-slate-500">
          No emoji found.
        </Picker.Empty>
        <Picker.List
          className="pb-1 select-none"
          components={{
            CategoryHeader: ({ category, ...props }) => (
              <div {...props} className="bg-white px-1 pt-2 pb-1 text-[11px] font-medium text-slate-600">
                {category.label}
              </div>
            ),
            Row: ({ children, ...props }) => (
              // frimousse counts rows and columns from 0; ARIA's aria-rowindex/colindex start at 1.
              <div {...props} aria-rowindex={oneBased(props["aria-rowindex"])} className="scroll-my-1 px-1">
                {children}
              </div>
            ),
            Emoji: ({ emoji, ...props }) => (
              <button
                {...props}
                aria-colindex={oneBased(props["aria-colindex"])}
                // The emoji the arrow keys are on (the focus stays in the search): ringed, not only tinted.
                className={`flex size-8 items-center justify-center rounded-md text-lg ${emoji.isActive ? "bg-emerald-50 ring-2 ring-emerald-700 ring-inset" : ""}`}
              >
                {emoji.emoji}
              </button>
            ),
          }}
        />
      </Picker.Viewport>
    </Picker.Root>
  );
}

const oneBased = (index: number | string | undefined) => (index === undefined ? undefined : Number(index) + 1);
