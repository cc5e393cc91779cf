import { z } from "zod";
import type { SandboxCustomerAction } from "@/lib/views/sandbox";

// What a simulated customer can do, checked by the app's route and again by the stand-in.
export const customerActionSchema: z.ZodType<SandboxCustomerAction> = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("text"),
    text: z.string().trim().min(1).max(4_096),
    replyTo: z.string().min(1).optional(),
  }),
  z.object({
    type: z.literal("button"),
    messageId: z.string().min(1),
    text: z.string().min(1).max(256),
    payload: z.string().max(1_000).nullable(),
  }),
  z.object({ type: z.literal("reaction"), messageId: z.string().min(1), emoji: z.string().max(16) }),
]);

export const sandboxCustomerParamsSchema = z.object({ address: z.string().min(3).max(200) });
