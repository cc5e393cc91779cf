import type { ReactNode } from "react";
import { LockIcon } from "@/components/inbox/message/icons";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import type { SettingView } from "@/lib/views/settings";

/** The current value (masked for secrets) and where it comes from. */
export function SettingStatus({
  setting,
  emptyText = "Not set",
  showValue = true,
}: {
  setting: SettingView;
  emptyText?: string;
  /** Off where the value is already on screen in another form (the callback URL). */
  showValue?: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid={`setting-${setting.name}`}>
      {!showValue ? null : setting.display !== null ? (
        <code className="rounded bg-slate-100 px-2 py-0.5 font-mono text-slate-800">{setting.display}</code>
      ) : (
        <span className="text-slate-500">{setting.source === "unset" ? emptyText : "Unreadable"}</span>
      )}
      {setting.source === "env" ? (
        <Badge>
          <LockIcon className="mr-1 size-3.5 shrink-0" />
          {`Set by ${setting.envVar}`}
        </Badge>
      ) : null}
      {setting.generated ? <Badge tone="warning">Generated locally</Badge> : null}
      {setting.source === "stored" && setting.updatedAt ? (
        <span className="text-xs text-slate-500">
          saved <Time iso={setting.updatedAt} />
        </span>
      ) : null}
    </div>
  );
}

/** Static guidance next to a setting: styled like a notice, but not a live region (nothing changed). */
export function Note({ children }: { children: ReactNode }) {
  return <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">{children}</p>;
}
