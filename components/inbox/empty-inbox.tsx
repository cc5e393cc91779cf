import Link from "next/link";

/**
 * What an empty inbox says. A filtered view that matched nothing says so; the default view says how
 * messages arrive: in sandbox mode from the simulator, otherwise from Meta once the number is connected.
 */
export function EmptyInbox({ filtered, sandbox }: { filtered: boolean; sandbox: boolean }) {
  return (
    <div className="p-8 text-center">
      <p className="text-sm font-medium text-slate-900">
        {filtered ? "No conversations match" : "No open conversations"}
      </p>
      <p className="mt-1 text-sm text-slate-600">
        {filtered ? (
          "Try another filter or search."
        ) : sandbox ? (
          <>
            This is the sandbox: write as a simulated customer on the{" "}
            <Link href="/sandbox" className="font-medium text-emerald-800 underline underline-offset-2">
              Simulator
            </Link>{" "}
            and the message appears here at once. To reach real customers, connect your number on{" "}
            <strong>Settings → WhatsApp connection</strong>.
          </>
        ) : (
          <>
            A customer&apos;s message to your WhatsApp number appears here the moment Meta delivers it. Connect the
            number on <strong>Settings → WhatsApp connection</strong>, or try it without Meta:{" "}
            <code className="rounded bg-slate-100 px-1 text-slate-800">npm run simulate -- text</code>.
          </>
        )}
      </p>
    </div>
  );
}
