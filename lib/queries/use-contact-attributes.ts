"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ContactAttributeList,
  ContactAttributeRequest,
  ContactAttributeView,
  SetContactAttributeRequest,
} from "@/lib/views/contact-attributes";
import type { ContactPanelView } from "@/lib/views/contacts";
import { fetchJson, requestJson } from "./request-json";
import { contactKeys } from "./use-contact";

export const contactAttributeKeys = { all: ["contact-attributes"] as const };

/** Settings → Contact attributes: every attribute, by name. */
export function useContactAttributes() {
  return useQuery({
    queryKey: contactAttributeKeys.all,
    queryFn: async ({ signal }) =>
      (await fetchJson<ContactAttributeList>("/api/contact-attributes", { signal })).attributes,
  });
}

/** After an admin's change the open panels follow too (colleagues' through contact-attributes-changed). */
function useInvalidateAttributes() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: contactAttributeKeys.all });
    void queryClient.invalidateQueries({ queryKey: contactKeys.all });
  };
}

/** Add (id null) or edit an attribute; an edit sends the name and a list's options only. */
export function useSaveContactAttribute() {
  const invalidate = useInvalidateAttributes();
  return useMutation({
    mutationFn: async ({ id, request }: { id: string | null; request: ContactAttributeRequest }) => {
      const result = id
        ? await requestJson<{ attribute: ContactAttributeView }>(`/api/contact-attributes/${id}`, {
            method: "PATCH",
            body: { name: request.name, ...(request.type === "list" ? { options: request.options } : {}) },
          })
        : await requestJson<{ attribute: ContactAttributeView }>("/api/contact-attributes", { body: request });
      if (!result.ok) throw new Error(result.message);
      return result.data.attribute;
    },
    onSettled: invalidate,
  });
}

export function useDeleteContactAttribute() {
  const invalidate = useInvalidateAttributes();
  return useMutation({
    mutationFn: async (id: string) => {
      const result = await requestJson<null>(`/api/contact-attributes/${id}`, { method: "DELETE" });
      if (!result.ok) throw new Error(result.message);
    },
    onSettled: invalidate,
  });
}

/** An agent fills in (or empties) one of the customer's attributes; the panel shows the server's answer. */
export function useSetContactAttribute(contactId: string, attributeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (value: SetContactAttributeRequest["value"]) => {
      const result = await requestJson<{ contact: ContactPanelView }>(
        `/api/contacts/${encodeURIComponent(contactId)}/attributes/${encodeURIComponent(attributeId)}`,
        { method: "PUT", body: { value } },
      );
      // Shown under the field itself: "value: " would name what the reader is looking at.
      if (!result.ok) throw new Error(result.message.replace(/^value: /, ""));
      return result.data.contact;
    },
    onSuccess: (contact) => queryClient.setQueryData(contactKeys.detail(contactId), contact),
  });
}
