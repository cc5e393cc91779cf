import { Badge } from "@/components/ui/badge";

const TONES: Record<string, "success" | "warning" | "danger" | "neutral"> = {
  APPROVED: "success",
  PENDING: "warning",
  IN_APPEAL: "warning",
  PAUSED: "warning",
  REJECTED: "danger",
  DISABLED: "danger",
  DELETED: "neutral",
};

export function TemplateStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "neutral"}>{status.toLowerCase().replace(/_/g, " ")}</Badge>;
}
