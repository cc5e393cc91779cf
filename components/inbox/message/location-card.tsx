import type { MessageBodyOf } from "@/lib/views/message-body";
import { PinIcon } from "./icons";

export function LocationCard({ location }: { location: MessageBodyOf<"location"> }) {
  const { name, address, url: website } = location;
  const latitude = coordinate(location.latitude);
  const longitude = coordinate(location.longitude);
  const hasPoint = latitude !== null && longitude !== null;

  return (
    <div className="flex min-w-56 gap-3 rounded-md border border-slate-200 bg-slate-50 p-2.5">
      <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-white text-emerald-700 ring-1 ring-slate-200">
        <PinIcon />
      </span>
      <div className="min-w-0 flex-1 text-sm">
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Location</p>
        {name ? (
          <p dir="auto" className="font-medium break-words text-slate-800">
            {name}
          </p>
        ) : null}
        {address ? (
          <p dir="auto" className="break-words text-slate-600">
            {address}
          </p>
        ) : null}
        {hasPoint ? (
          <p className="text-xs text-slate-500 tabular-nums">
            {latitude}, {longitude}
          </p>
        ) : (
          <p className="text-xs text-slate-500 italic">No coordinates</p>
        )}
        <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
          {hasPoint ? (
            <a
              href={`https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`}
              target="_blank"
              rel="noopener noreferrer nofollow"
              className="font-medium text-emerald-800 underline underline-offset-2"
            >
              Open map
            </a>
          ) : null}
          {website ? (
            <a
              href={website}
              target="_blank"
              rel="noopener noreferrer nofollow"
              className="text-emerald-800 underline underline-offset-2"
            >
              Website
            </a>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** A coordinate rounded to ~10 cm, as plain decimal text (never "1e-7"). */
function coordinate(value: number | null): string | null {
  return value === null ? null : String(Number(value.toFixed(6)));
}
