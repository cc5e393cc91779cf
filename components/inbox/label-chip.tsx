import type { LabelChipView, LabelColor } from "@/lib/views/labels";

// Dark text on a light tint (≥ 4.5:1) with a swatch: the colour helps a glance, the name says it.
const tones: Record<LabelColor, { chip: string; swatch: string; name: string }> = {
  gray: { chip: "border-slate-300 bg-slate-100 text-slate-800", swatch: "bg-slate-500", name: "Gray" },
  red: { chip: "border-red-300 bg-red-50 text-red-900", swatch: "bg-red-600", name: "Red" },
  orange: { chip: "border-orange-300 bg-orange-50 text-orange-900", swatch: "bg-orange-500", name: "Orange" },
  amber: { chip: "border-amber-300 bg-amber-50 text-amber-900", swatch: "bg-amber-400", name: "Amber" },
  green: { chip: "border-green-300 bg-green-50 text-green-900", swatch: "bg-green-600", name: "Green" },
  teal: { chip: "border-teal-300 bg-teal-50 text-teal-900", swatch: "bg-teal-600", name: "Teal" },
  blue: { chip: "border-blue-300 bg-blue-50 text-blue-900", swatch: "bg-blue-600", name: "Blue" },
  indigo: { chip: "border-indigo-300 bg-indigo-50 text-indigo-900", swatch: "bg-indigo-600", name: "Indigo" },
  purple: { chip: "border-purple-300 bg-purple-50 text-purple-900", swatch: "bg-purple-600", name: "Purple" },
  pink: { chip: "border-pink-300 bg-pink-50 text-pink-900", swatch: "bg-pink-500", name: "Pink" },
};

export const labelColorName = (color: LabelColor) => tones[color].name;

export function LabelSwatch({ color }: { color: LabelColor }) {
  return <span aria-hidden="true" className={`inline-block size-2 shrink-0 rounded-full ${tones[color].swatch}`} />;
}

/** A label as text on its colour; with onRemove, a button that takes it off. */
export function LabelChip({ label, onRemove }: { label: LabelChipView; onRemove?: () => void }) {
  return (
    <span
      data-testid="label-chip"
      className={`inline-flex max-w-[10rem] items-center gap-1 rounded-full border px-1.5 py-px text-[11px] font-medium ${tones[label.color].chip}`}
    >
      <LabelSwatch color={label.color} />
      <span dir="auto" className="truncate">
        {label.name}
      </span>
      {onRemove ? (
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Remove label ${label.name}`}
          className="-mr-0.5 rounded-full px-0.5 leading-none hover:bg-black/10 focus-visible:outline-2 focus-visible:outline-current"
        >
          ×
        </button>
      ) : null}
    </span>
  );
}
