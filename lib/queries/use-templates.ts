"use client";

import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type TemplateChange,
  type TemplateList,
  type TemplateSyncResult,
  type TemplateView,
  templateUnavailableReason,
} from "@/lib/views/template";
import { inboxKeys } from "./inbox-keys";
import { ApiRequestError, fetchJson, requestJson } from "./request-json";

/** The templates one number can send (the picker), or all of them (Settings → Templates). */
export function useTemplates({ phoneNumberId, enabled = true }: { phoneNumberId: string | null; enabled?: boolean }) {
  return useQuery({
    queryKey: inboxKeys.templateList(phoneNumberId),
    queryFn: ({ signal }) =>
      fetchJson<TemplateList>(
        phoneNumberId ? `/api/templates?phoneNumberId=${encodeURIComponent(phoneNumberId)}` : "/api/templates",
        { signal },
      ),
    enabled,
    staleTime: 60_000,
  });
}

/** Realtime: Meta paused, disabled, approved or re-categorised templates — every cached list shows it at once. */
export function applyTemplateChanges(queryClient: QueryClient, changes: TemplateChange[]): void {
  const byId = new Map(changes.map((change) => [change.id, change]));
  queryClient.setQueriesData<TemplateList>({ queryKey: inboxKeys.templates }, (list) => {
    if (!list) return list;
    if (!list.templates.some((template) => byId.has(template.id))) return list;
    return {
      templates: list.templates.map((template) => {
        const change = byId.get(template.id);
        return change ? withChange(template, change) : template;
      }),
    };
  });
  // A template this list did not have yet (newly created at Meta): fetched when next looked at.
  if (changes.some((change) => !isCached(queryClient, change.id))) {
    void queryClient.invalidateQueries({ queryKey: inboxKeys.templates });
  }
}

function isCached(queryClient: QueryClient, id: string): boolean {
  return queryClient
    .getQueriesData<TemplateList>({ queryKey: inboxKeys.templates })
    .some(([, list]) => list?.templates.some((template) => template.id === id));
}

function withChange(template: TemplateView, change: TemplateChange): TemplateView {
  const next = { ...template, ...change, updatedAt: new Date().toISOString() };
  // Same words as the server's, recomputed for the patched state.
  return { ...next, unavailableReason: templateUnavailableReason(next) };
}

export function useSyncTemplates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const result = await requestJson<TemplateSyncResult>("/api/templates/sync", { method: "POST" });
      if (!result.ok) throw new ApiRequestError(result.message, result.status);
      return result.data;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: inboxKeys.templates }),
  });
}

export function useUpdateTemplateUsable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, agentUsable }: { id: string; agentUsable: boolean }) => {
      const result = await requestJson<{ template: TemplateView }>(`/api/templates/${id}`, {
        method: "PATCH",
        body: { agentUsable },
      });
      if (!result.ok) throw new ApiRequestError(result.message, result.status);
      return result.data.template;
    },
    // The box ticks at once; an error puts it back (and says why).
    onMutate: ({ id, agentUsable }) => {
      const previous = queryClient.getQueriesData<TemplateList>({ queryKey: inboxKeys.templates });
      patchTemplate(queryClient, id, (template) => {
        const next = { ...template, agentUsable };
        return { ...next, unavailableReason: templateUnavailableReason(next) };
      });
      return { previous };
    },
    onError: (_error, _variables, context) => {
      for (const [key, data] of context?.previous ?? []) queryClient.setQueryData(key, data);
    },
    onSuccess: (template) => patchTemplate(queryClient, template.id, () => template),
  });
}

function patchTemplate(queryClient: QueryClient, id: string, change: (template: TemplateView) => TemplateView): void {
  queryClient.setQueriesData<TemplateList>({ queryKey: inboxKeys.templates }, (list) =>
    list ? { templates: list.templates.map((entry) => (entry.id === id ? change(entry) : entry)) } : list,
  );
}
