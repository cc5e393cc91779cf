"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SandboxCustomerAction, SandboxCustomerMedia, SandboxCustomerView } from "@/lib/views/sandbox";
import { ApiRequestError, fetchJson, requestJson } from "./request-json";

const sandboxKey = ["sandbox", "customers"] as const;

/**
 * The simulated customers' phones. Polled, not pushed: the phones stand for devices outside the
 * app, their state lives in the sandbox's stand-in (Meta's side), and the product's realtime
 * channels carry inbox changes for agents — a poll every 700 ms keeps the simulator apart from them.
 */
export function useSandboxCustomers() {
  return useQuery({
    queryKey: sandboxKey,
    queryFn: ({ signal }) => fetchJson<SandboxCustomerView[]>("/api/sandbox/customers", { signal }),
    refetchInterval: 700,
  });
}

/** The customer writes, taps a button or reacts. */
export function useCustomerAction(address: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: SandboxCustomerAction) => {
      const result = await requestJson<{ wamid: string; delivered: boolean }>(
        `/api/sandbox/customers/${encodeURIComponent(address)}/messages`,
        { body: action },
      );
      if (!result.ok) throw new ApiRequestError(result.message, result.status);
      return result.data;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxKey }),
  });
}

/** The customer sends a photo, a document or a voice note (Meta then holds the file for the app to download). */
export function useCustomerMedia(address: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (media: SandboxCustomerMedia) => {
      const result = await requestJson<{ wamid: string; delivered: boolean }>(
        `/api/sandbox/customers/${encodeURIComponent(address)}/media`,
        { body: media },
      );
      if (!result.ok) throw new ApiRequestError(result.message, result.status);
      return result.data;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxKey }),
  });
}

/** The customer has the chat open: what the business sent is read (Meta reports it; ticks turn blue). */
export function useCustomerReads(address: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const result = await requestJson<{ read: number }>(`/api/sandbox/customers/${encodeURIComponent(address)}/read`);
      if (!result.ok) throw new ApiRequestError(result.message, result.status);
      return result.data;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxKey }),
  });
}
