"use client";

import { useState } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import {
  cannedReplyKeys,
  useCannedReplies,
  useDeleteCannedReply,
  useSaveCannedReply,
} from "@/lib/queries/use-canned-replies";
import { CANNED_REPLY_VARIABLES, type CannedReplyScope, type CannedReplyView } from "@/lib/views/canned-replies";

type Props = { initial: CannedReplyView[]; isAdmin: boolean };

export function CannedRepliesManager({ initial, isAdmin }: Props) {
  return (
    <QueryProvider seed={(client) => client.setQueryData(cannedReplyKeys.list(null), initial)}>
      <Manager isAdmin={isAdmin} />
    </QueryProvider>
  );
}

function Manager({ isAdmin }: { isAdmin: boolean }) {
  const replies = useCannedReplies(null);
  const [editing, setEditing] = useState<CannedReplyView | "new" | null>(null);
  const [deleting, setDeleting] = useState<CannedReplyView | null>(null);
  const remove = useDeleteCannedReply();
  const list = replies.data ?? [];
  const groups: { scope: CannedReplyScope; title: string; items: CannedReplyView[] }[] = [
    { scope: "shared", title: "Shared with the team", items: list.filter((reply) => reply.scope === "shared") },
    { scope: "personal", title: "Your own", items: list.filter((reply) => reply.scope === "personal") },
  ];
  return (
    <div className="space-y-6">
      {editing ? (
        <Card>
          <CannedReplyForm
            key={editing === "new" ? "new" : editing.id}
            reply={editing === "new" ? null : editing}
            isAdmin={isAdmin}
            onDone={() => setEditing(null)}
          />
        </Card>
      ) : (
        <Button onClick={() => setEditing("new")}>Add a canned reply</Button>
      )}
      {replies.error ? (
        <p role="alert" className="text-sm text-red-700">
          Could not load the canned replies: {replies.error.message}
        </p>
      ) : null}
      {remove.error ? (
        <p role="alert" className="text-sm text-red-700">
          Not deleted: {remove.error.message}
        </p>
      ) : null}
      {groups.map((group) => (
        <section key={group.scope} aria-labelledby={`canned-${group.scope}`} className="space-y-2">
          <h2 id={`canned-${group.scope}`} className="text-base font-semibold">
            {group.title}
          </h2>
          {group.items.length === 0 ? (
            <EmptyState title={group.scope === "shared" ? "No shared replies yet" : "None of your own yet"}>
              {group.scope === "shared" && !isAdmin
                ? "An admin can add replies for the whole team."
                : "Add one with the button above."}
            </EmptyState>
          ) : (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {group.items.map((reply) => (
                <li
                  key={reply.id}
                  data-testid="canned-reply"
                  className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start"
                >
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-baseline gap-x-2">
                      <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                        /{reply.shortcut}
                      </code>
                      <span className="font-medium text-slate-900">{reply.title}</span>
                    </p>
                    <p dir="auto" className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-600">
                      {reply.text}
                    </p>
                  </div>
                  {reply.canEdit ? (
                    <div className="flex shrink-0 gap-2">
                      <Button
                        variant="secondary"
                        onClick={() => setEditing(reply)}
                        aria-label={`Edit /${reply.shortcut}`}
                      >
                        Edit
                      </Button>
                      <Button
                        variant="danger"
                        onClick={() => setDeleting(reply)}
                        aria-label={`Delete /${reply.shortcut}`}
                      >
                        Delete
                      </Button>
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this canned reply?"
        confirmLabel="Delete"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id);
          setDeleting(null);
        }}
      >
        <p>
          /{deleting?.shortcut} · {deleting?.title}
          {deleting?.scope === "shared" ? " — it disappears for the whole team." : ""}
        </p>
      </ConfirmDialog>
    </div>
  );
}

function CannedReplyForm({
  reply,
  isAdmin,
  onDone,
}: {
  reply: CannedReplyView | null;
  isAdmin: boolean;
  onDone: () => void;
}) {
  const save = useSaveCannedReply();
  const [title, setTitle] = useState(reply?.title ?? "");
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? "");
  const [text, setText] = useState(reply?.text ?? "");
  const [scope, setScope] = useState<CannedReplyScope>(reply?.scope ?? (isAdmin ? "shared" : "personal"));
  return (
    <form
      className="space-y-4"
      aria-label={reply ? `Edit /${reply.shortcut}` : "New canned reply"}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          { id: reply?.id ?? null, request: { title, shortcut, text, scope } },
          { onSuccess: () => onDone() },
        );
      }}
    >
      <h2 className="text-base font-semibold">{reply ? "Edit canned reply" : "New canned reply"}</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Title"
          value={title}
          maxLength={100}
          required
          onChange={(event) => setTitle(event.target.value)}
        />
        <Field
          label="Shortcut"
          hint="Typed after / — letters, digits, - and _"
          value={shortcut}
          maxLength={40}
          required
          pattern="[A-Za-z0-9][A-Za-z0-9_\-]*"
          onChange={(event) => setShortcut(event.target.value)}
        />
      </div>
      <div>
        <label htmlFor="canned-text" className="block text-sm font-medium text-slate-800">
          Text
        </label>
        <textarea
          id="canned-text"
          value={text}
          required
          rows={4}
          maxLength={4096}
          aria-describedby="canned-text-hint"
          onChange={(event) => setText(event.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/70 focus:outline-none"
        />
        <p id="canned-text-hint" className="mt-1 text-xs text-slate-500">
          Variables:{" "}
          {CANNED_REPLY_VARIABLES.map((variable, index) => (
            <span key={variable.name}>
              {index > 0 ? ", " : ""}
              <code className="font-mono">{`{{${variable.name}}}`}</code> ({variable.description})
            </span>
          ))}
          .
        </p>
      </div>
      {reply === null && isAdmin ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Who can use it</legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            {(["shared", "personal"] as const).map((value) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name="scope" checked={scope === value} onChange={() => setScope(value)} />
                {value === "shared" ? "The whole team" : "Only me"}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {save.error ? (
        <p role="alert" className="text-sm text-red-700">
          Not saved: {save.error.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" loading={save.isPending}>
          {reply ? "Save" : "Add"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
