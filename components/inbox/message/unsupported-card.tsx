import type { MessageBodyOf } from "@/lib/views/message-body";
import { AlertIcon } from "./icons";

/** Anything we cannot show (Meta's "unsupported", "unknown", or a type newer than this code). */
export function UnsupportedCard({ unsupported }: { unsupported: MessageBodyOf<"unsupported"> }) {
  const { type, innerType, errors: metaErrors } = unsupported;
  return (
    <div className="flex min-w-56 gap-3 rounded-md border border-amber-200 bg-amber-50 p-2.5 text-sm text-amber-900">
      <AlertIcon className="size-5 shrink-0 text-amber-600" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">Unsupported message</p>
        <p className="break-all text-amber-800">
          Type: <span className="font-mono text-xs">{type}</span>
          {innerType && innerType !== type ? (
            <>
              {" "}
              (<span className="font-mono text-xs">{innerType}</span>)
            </>
          ) : null}
        </p>
        {metaErrors.slice(0, 3).map((error, index) => (
          <p key={index} className="mt-1 text-xs break-words text-amber-800">
            {error.title ?? "Error"}
            {error.code !== null ? ` (code ${error.code})` : ""}
            {error.details ? `: ${error.details}` : ""}
          </p>
        ))}
        <p className="mt-1 text-xs text-amber-700">Ask the customer to resend it another way if it matters.</p>
      </div>
    </div>
  );
}
