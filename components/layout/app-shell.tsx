import Link from "next/link";
import type { CSSProperties, ReactNode } from "react";
import type { Availability } from "@/lib/views/assignment";
import { AvailabilityToggle } from "./availability-toggle";
import { SignOutButton } from "./sign-out-button";

type ShellUser = { name: string; email: string; role: "admin" | "agent" };

// Narrower on a phone: every destination stays in the header at 390 px.
const navLink =
  "rounded-md px-1.5 py-2 text-sm font-medium sm:px-3 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-700";

export function AppShell({
  user,
  availability,
  sandbox = false,
  children,
}: {
  user: ShellUser;
  /** The user's own availability (the header's Online / Away switch). */
  availability: Availability;
  /** Sandbox mode: a banner says where messages go (README → Sandbox). */
  sandbox?: boolean;
  children: ReactNode;
}) {
  return (
    // --shell-top: what the header (and the sandbox banner) take; the inbox fills the rest.
    <div className="flex min-h-dvh flex-col" style={{ "--shell-top": sandbox ? "5.5rem" : "3.5rem" } as CSSProperties}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {sandbox ? <SandboxBanner isAdmin={user.role === "admin"} /> : null}
      {/* h-14: the inbox fills the rest of the viewport below this header. */}
      <header className="h-14 shrink-0 border-b border-slate-200 bg-white">
        <div className="flex h-full items-center gap-2 px-2 sm:gap-4 sm:px-4">
          <Link href="/inbox" className="hidden font-semibold text-slate-900 sm:inline">
            WhatsApp Inbox
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1">
            <Link href="/inbox" className={navLink}>
              Inbox
            </Link>
            {sandbox ? (
              // On a phone the banner links to it: the header has no room left at 390 px.
              <Link href="/sandbox" className={`${navLink} hidden sm:inline-flex`}>
                Simulator
              </Link>
            ) : null}
            {user.role === "admin" ? (
              <>
                <Link href="/settings" className={navLink}>
                  Settings
                </Link>
                <Link href="/settings/health" className={navLink} aria-label="Webhook health">
                  <span className="sm:hidden">Health</span>
                  <span className="hidden sm:inline">Webhook health</span>
                </Link>
              </>
            ) : (
              // Admins reach it from Settings; agents keep their own replies there.
              <Link href="/settings/canned-replies" className={navLink} aria-label="Canned replies">
                <span className="sm:hidden">Replies</span>
                <span className="hidden sm:inline">Canned replies</span>
              </Link>
            )}
          </nav>
          <div className="ml-auto flex items-center gap-1 sm:gap-3">
            <AvailabilityToggle initial={availability} />
            <Link
              href="/profile"
              className="rounded-md px-2 py-1 text-right leading-tight hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-700"
            >
              {/* Named by what it shows, led by where it goes (a name must hold the visible text). */}
              <span className="text-sm font-medium text-slate-700 sm:hidden">
                <span className="sr-only">Your </span>Profile
              </span>
              <span className="hidden sm:block" data-testid="current-user">
                <span className="sr-only">Your profile: </span>
                <span className="block text-sm font-medium text-slate-900">{user.name}</span>
                <span className="block text-xs text-slate-500">
                  {user.role === "admin" ? "Admin" : "Agent"} · {user.email}
                </span>
              </span>
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="flex min-h-0 flex-1 flex-col">
        {children}
      </main>
    </div>
  );
}

/** h-8: part of --shell-top. */
function SandboxBanner({ isAdmin }: { isAdmin: boolean }) {
  return (
    <div
      role="status"
      className="flex h-8 shrink-0 items-center justify-center gap-2 truncate bg-amber-100 px-3 text-xs text-amber-950 sm:text-sm"
    >
      <span className="truncate">
        <strong>Sandbox</strong> — messages go to simulated customers.
      </span>
      <Link
        href="/sandbox"
        className="shrink-0 font-medium underline focus-visible:outline-2 focus-visible:outline-amber-900 sm:hidden"
      >
        Simulator
      </Link>
      {isAdmin ? (
        <Link
          href="/settings/whatsapp"
          aria-label="Connect a real number"
          className="shrink-0 font-medium underline focus-visible:outline-2 focus-visible:outline-amber-900"
        >
          <span className="sm:hidden">Connect</span>
          <span className="hidden sm:inline">Connect a real number</span>
        </Link>
      ) : null}
    </div>
  );
}
