"use client";

import { QueryProvider } from "@/components/providers/query-provider";
import { RealtimeProvider } from "@/components/providers/realtime-provider";
import { TemplateStatusBadge } from "@/components/templates/template-status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { inboxKeys } from "@/lib/queries/inbox-keys";
import { useChannel } from "@/lib/queries/use-channel";
import {
  applyTemplateChanges,
  useSyncTemplates,
  useTemplates,
  useUpdateTemplateUsable,
} from "@/lib/queries/use-templates";
import { INBOX_CHANNEL } from "@/lib/realtime/channels";
import type { TemplateList, TemplateView } from "@/lib/views/template";
import { useQueryClient } from "@tanstack/react-query";

/** Settings → Templates: the list as Meta has it, "Sync with Meta", and which ones the inbox may send. */
export function TemplatesSettings({ initial }: { initial: TemplateList }) {
  return (
    <QueryProvider seed={(queryClient) => queryClient.setQueryData(inboxKeys.templateList(null), initial)}>
      <RealtimeProvider>
        <TemplatesPanel />
      </RealtimeProvider>
    </QueryProvider>
  );
}

function TemplatesPanel() {
  const queryClient = useQueryClient();
  const templates = useTemplates({ phoneNumberId: null });
  const sync = useSyncTemplates();
  const usable = useUpdateTemplateUsable();
  useChannel(INBOX_CHANNEL, {
    "templates-changed": ({ templates: changes }) => applyTemplateChanges(queryClient, changes),
  });
  const failed = sync.data?.accounts.filter((account) => account.error) ?? [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" loading={sync.isPending} onClick={() => sync.mutate()}>
          Sync with Meta
        </Button>
        <p role="status" className="text-sm text-slate-600">
          {sync.isPending
            ? "Reading templates from Meta…"
            : sync.data
              ? `Synced ${sync.data.accounts.reduce((sum, account) => sum + account.templates, 0)} templates from ${
                  sync.data.accounts.length - failed.length
                } of ${sync.data.accounts.length} accounts.`
              : null}
        </p>
      </div>
      {sync.isError ? <Alert tone="error">{sync.error.message}</Alert> : null}
      {failed.map((account) => (
        <Alert key={account.wabaId} tone="error">
          WABA {account.wabaId}: {account.error}
        </Alert>
      ))}
      {usable.isError ? <Alert tone="error">{usable.error.message}</Alert> : null}
      {templates.isError ? (
        <Alert tone="error">Templates could not be loaded: {templates.error.message}</Alert>
      ) : !templates.data ? (
        <p className="text-sm text-slate-600">Loading templates…</p>
      ) : templates.data.templates.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          No templates yet. Numbers appear once Meta sends their first webhook (with their WhatsApp Business Account);
          then “Sync with Meta” reads their templates.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Templates">
          {templates.data.templates.map((template) => (
            <TemplateRow
              key={template.id}
              template={template}
              saving={usable.isPending && usable.variables?.id === template.id}
              onUsable={(agentUsable) => usable.mutate({ id: template.id, agentUsable })}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function TemplateRow({
  template,
  saving,
  onUsable,
}: {
  template: TemplateView;
  saving: boolean;
  onUsable: (agentUsable: boolean) => void;
}) {
  const checkboxId = `usable-${template.id}`;
  return (
    <li data-testid="template-row" className="grid gap-2 p-3 sm:grid-cols-[1fr_auto] sm:items-center">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-mono text-sm font-medium break-all text-slate-900">{template.name}</span>
          <span className="text-xs text-slate-500">{template.language}</span>
          <TemplateStatusBadge status={template.status} />
        </p>
        <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-slate-600">
          <div className="flex gap-1">
            <dt>Category</dt>
            <dd className="font-medium">{template.category?.toLowerCase() ?? "—"}</dd>
          </div>
          <div className="flex gap-1">
            <dt>Quality</dt>
            <dd className="font-medium">{template.quality?.toLowerCase() ?? "—"}</dd>
          </div>
          <div className="flex gap-1">
            <dt>Updated</dt>
            <dd>
              <Time iso={template.updatedAt} />
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>WABA</dt>
            <dd className="font-mono">{template.wabaId}</dd>
          </div>
        </dl>
        {template.reason ? <p className="text-xs text-amber-800">Meta’s reason: {template.reason}</p> : null}
        {template.definition.body ? (
          <p className="line-clamp-2 text-xs text-slate-500">{template.definition.body.text}</p>
        ) : null}
      </div>
      <div className="flex items-center gap-2">
        <input
          id={checkboxId}
          type="checkbox"
          checked={template.agentUsable}
          disabled={saving}
          onChange={(event) => onUsable(event.target.checked)}
          className="size-4 accent-emerald-700"
        />
        <label htmlFor={checkboxId} className="text-sm text-slate-800">
          Agents may send it
        </label>
      </div>
    </li>
  );
}
