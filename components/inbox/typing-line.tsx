import type { PresenceMember } from "@/lib/queries/use-presence";

/** "Ana is typing…": another agent is writing to this customer right now. */
export function TypingLine({ typists }: { typists: PresenceMember[] }) {
  const names = typists.map((typist) => typist.name);
  const text =
    names.length === 0
      ? ""
      : names.length === 1
        ? `${names[0]} is typing…`
        : `${names.slice(0, -1).join(", ")} and ${names.at(-1)} are typing…`;
  return (
    <p
      data-testid="typing"
      aria-live="polite"
      className={`bg-[#efeae2] px-4 text-xs text-amber-800 italic sm:px-6 ${text ? "py-1" : ""}`}
    >
      {text}
    </p>
  );
}
