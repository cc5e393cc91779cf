import { Spinner } from "@/components/ui/button";

export default function Loading() {
  return (
    <div role="status" className="flex items-center gap-2 text-sm text-slate-500">
      <Spinner />
      Loading…
    </div>
  );
}
