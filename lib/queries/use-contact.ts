"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ContactPanelView, UpdateContactRequest } from "@/lib/views/contacts";
import { fetchJson, requestJson } from "./request-json";

export const contactKeys = {
  all: ["contacts"] as const,
  detail: (contactId: string) => [...contactKeys.all, contactId] as const,
};

/** The contact panel: who the customer is and all their conversations (kept live by contact-updated). */
export function useContactPanel(contactId: string) {
  return useQuery(contactPanelQueryOptions(contactId));
}

/** The panel's query, shared by the hook and the prefetch that starts it on the click (prefetch-conversation.ts). */
export function contactPanelQueryOptions(contactId: string) {
  return queryOptions({
    queryKey: contactKeys.detail(contactId),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ contact: ContactPanelView }>(`/api/contacts/${encodeURIComponent(contactId)}`, { signal }))
        .contact,
  });
}

/** The team's name for the customer, or its notes about them; the panel shows the server's answer. */
export function useUpdateContact(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: UpdateContactRequest) => {
      const result = await requestJson<{ contact: ContactPanelView }>(`/api/contacts/${contactId}`, {
        method: "PATCH",
        body: change,
      });
      if (!result.ok) throw new Error(result.message);
      return result.data.contact;
    },
    onSuccess: (contact) => queryClient.setQueryData(contactKeys.detail(contactId), contact),
  });
}
