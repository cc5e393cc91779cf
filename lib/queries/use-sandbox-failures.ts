"use client";

import { useMutation } from "@tanstack/react-query";
import type { SandboxFailureRequest } from "@/lib/views/sandbox-failures";
import { ApiRequestError, requestJson } from "./request-json";

/** Meta's side fails the next send as asked (the simulator's failure controls). */
export function useInjectFailure() {
  return useMutation({
    mutationFn: async (request: SandboxFailureRequest) => {
      const result = await requestJson<{ armed: true }>("/api/sandbox/failures", { body: request });
      if (!result.ok) throw new ApiRequestError(result.message, result.status);
      return request;
    },
  });
}
