import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "./sign-out-button";

type ShellUser = { name: string; email: string; role: "admin" | "agent" };

const navLink =
  "rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-emerald-700";

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {/* h-14: the inbox fills the rest of the viewport below this header. */}
      <header className="h-14 shrink-0 border-b border-slate-200 bg-white">
        <div className="flex h-full items-center gap-2 px-4 sm:gap-4">
          <Link href="/inbox" className="hidden font-semibold text-slate-900 sm:inline">
            WhatsApp Inbox
          </Link>
          <nav aria-label="Main" className="flex items-center gap-1">
            <Link href="/inbox" className={navLink}>
              Inbox
            </Link>
            {user.role === "admin" ? (
              <>
                <Link href="/settings" className={navLink}>
                  Settings
                </Link>
                <Link href="/settings/health" className={`${navLink} hidden sm:inline-block`}>
                  Webhook health
                </Link>
              </>
            ) : null}
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <div className="hidden text-right leading-tight sm:block" data-testid="current-user">
              <div className="text-sm font-medium text-slate-900">{user.name}</div>
              <div className="text-xs text-slate-500">
                {user.role === "admin" ? "Admin" : "Agent"} · {user.email}
              </div>
            </div>
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
