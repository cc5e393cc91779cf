import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-emerald-700 text-white hover:bg-emerald-800 focus-visible:outline-emerald-700",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 focus-visible:outline-slate-500",
  danger: "border border-red-300 bg-white text-red-700 hover:bg-red-50 focus-visible:outline-red-600",
  ghost: "text-slate-700 hover:bg-slate-100 focus-visible:outline-slate-500",
} as const;

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof variants;
  /** Shows a spinner, makes the button unavailable and tells assistive technology it is busy. */
  loading?: boolean;
};

/**
 * Unavailable (`disabled`, or busy while `loading`) is `aria-disabled`, not the native attribute: a
 * natively disabled button loses the keyboard's focus to the page, so a form saved from its button
 * would leave a keyboard user nowhere. A click on it — the user's, or the one a form's implicit
 * submission (Enter in a field) fires at its default button — is cancelled instead.
 */
export function Button({
  variant = "primary",
  loading = false,
  disabled,
  className = "",
  onClick,
  children,
  ...rest
}: ButtonProps) {
  const unavailable = disabled || loading;
  return (
    <button
      {...rest}
      aria-disabled={unavailable || undefined}
      aria-busy={loading || undefined}
      onClick={unavailable ? (event) => event.preventDefault() : onClick}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ${variants[variant]} ${className}`}
    >
      {loading ? <Spinner /> : null}
      {children}
    </button>
  );
}

export function Spinner() {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-4 animate-spin rounded-full border-2 border-current border-r-transparent"
    />
  );
}
