import type { ReactNode } from "react";

// Settings pages read as a document; the inbox beside them uses the whole window.
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return <div className="mx-auto w-full max-w-5xl px-4 py-8">{children}</div>;
}
