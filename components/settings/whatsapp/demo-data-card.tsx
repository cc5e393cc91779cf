"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { requestJson } from "@/lib/queries/request-json";
import { Time } from "@/components/ui/time";
import { type DemoDataCounts, type DemoDataView, describeDemoData, hasDemoData } from "@/lib/views/demo";

/** The sandbox demo's data, marked as such, and its one-click deletion (asks first; admins only). */
export function DemoDataCard({ demo }: { demo: DemoDataView }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<DemoDataCounts | null>(null);

  const remove = async () => {
    setConfirming(false);
    setDeleting(true);
    const result = await requestJson<{ deleted: DemoDataCounts }>("/api/settings/demo-data", { method: "DELETE" });
    setDeleting(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setDeleted(result.data.deleted);
    router.refresh();
  };

  if (deleted) {
    return <Alert tone="success">Demo data deleted: {describeDemoData(deleted)}.</Alert>;
  }
  if (!hasDemoData(demo)) {
    return (
      <p className="text-sm text-slate-600">
        {demo.deletedAt ? (
          <>
            The demo data was deleted on <Time iso={demo.deletedAt} />.
          </>
        ) : (
          "There is no demo data."
        )}
      </p>
    );
  }
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <p>
        The sandbox demo created {describeDemoData(demo)}. Its numbers are{" "}
        {demo.numbers.map((name, index) => (
          <span key={name}>
            {index > 0 ? " and " : ""}
            <strong>{name}</strong>
          </span>
        ))}{" "}
        — every conversation on them is demo data.
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="button" variant="danger" loading={deleting} onClick={() => setConfirming(true)}>
        Delete demo data
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Delete the demo data?"
        confirmLabel="Delete demo data"
        onCancel={() => setConfirming(false)}
        onConfirm={() => void remove()}
      >
        <p>
          This deletes the demo numbers, their {demo.conversations} conversations with all {demo.messages} messages, the{" "}
          {demo.contacts} demo contacts who talk to no other number, and the demo&apos;s {demo.templates} templates.
          Nothing else is touched, and the demo is not created again. The audit log records it.
        </p>
      </ConfirmDialog>
    </div>
  );
}
