"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { issueTeacherCodeAction, revokeTeacherCodeAction } from "@/app/(app)/account/actions";
import { callAction } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

export interface TeacherCodeRow {
  id: string;
  hint: string;
  note: string | null;
  state: string;
  /** When it expires, as the server formats a time (formatDateTime: with the zone). */
  expiresLabel: string;
  isRevocable: boolean;
}

/** An administrator issues single-use teacher codes (each shown once), and sees and revokes them. */
export function TeacherCodesPanel({ codes }: { codes: TeacherCodeRow[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [issued, setIssued] = useState<{ code: string; expiresLabel: string } | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onIssue(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setIsPending(true);
    setError(null);
    setFieldErrors({});
    const input = { note: String(form.get("note") ?? "").trim(), days: String(form.get("days") ?? "").trim() };
    const result = await callAction(() => issueTeacherCodeAction(input));
    setIsPending(false);
    if (!result.ok) {
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    formElement.reset();
    setIssued({ code: result.code, expiresLabel: result.expiresLabel });
    router.refresh();
  }

  async function onRevoke(id: string) {
    setError(null);
    const result = await callAction(() => revokeTeacherCodeAction(id));
    if (!result.ok) setError(result.error);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <FormError message={error} />
      {issued ? (
        <div role="status" className="rounded-lg border border-accent bg-accent-soft p-3 text-sm">
          <p>New teacher code — give it to the teacher now; it is not shown again:</p>
          <p className="mt-1 font-mono text-lg font-semibold tracking-wider" data-testid="issued-teacher-code">
            {issued.code}
          </p>
          <p className="text-muted">Single use, valid until {issued.expiresLabel}.</p>
        </div>
      ) : null}
      <form onSubmit={onIssue} noValidate className="grid gap-3 sm:grid-cols-[1fr_8rem_auto] sm:items-end">
        <Field label="Note (who it is for)" name="note" placeholder="e.g. Ms Rao, history" errors={fieldErrors.note} />
        <Field label="Valid for (days)" name="days" type="number" inputMode="numeric" min={1} max={365} defaultValue={14} errors={fieldErrors.days} />
        <Button type="submit" disabled={isPending}>
          {isPending ? "Issuing…" : "Issue a teacher code"}
        </Button>
      </form>
      {codes.length === 0 ? (
        <p className="text-sm text-muted">No teacher codes issued yet.</p>
      ) : (
        <ul className="divide-y divide-border text-sm">
          {codes.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-mono">…{c.hint}</span> · {c.state} · until {c.expiresLabel}
                {c.note ? <span className="text-muted"> · {c.note}</span> : null}
              </span>
              {c.isRevocable ? (
                <Button variant="secondary" onClick={() => void onRevoke(c.id)} aria-label={`Revoke the code ending ${c.hint}`}>
                  Revoke
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
