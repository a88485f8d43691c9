"use client";

import { useState, type ReactNode } from "react";
import { formLevelError } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { useActionCall } from "@/components/ui/use-action-call";
import type { ActionResult } from "@/lib/server/action-result";

type ClassAction = (input: unknown) => Promise<ActionResult>;

/**
 * One control of a teacher's page: the form's fields (as strings) merged over `input` go to a server
 * action (useActionCall); its error (with every field's message) or `doneMessage` is announced, and
 * the page refreshes.
 */
export function ActionForm({
  action,
  input,
  submitLabel,
  pendingLabel,
  doneMessage,
  variant = "secondary",
  className = "",
  children,
}: {
  action: ClassAction;
  input: Record<string, unknown>;
  submitLabel: ReactNode;
  pendingLabel: string;
  doneMessage?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  className?: string;
  children?: ReactNode;
}) {
  const [done, setDone] = useState<string | null>(null);
  const { error: actionError, fieldErrors, isPending, run } = useActionCall();
  // The action's error followed by every field's message (this control has no per-field slots).
  const error = actionError ? formLevelError(actionError, fieldErrors, []) : null;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = Object.fromEntries([...new FormData(event.currentTarget)].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
    setDone(null);
    run(() => action({ ...fields, ...input }), () => setDone(doneMessage ?? null));
  }

  return (
    <form onSubmit={onSubmit} noValidate className={`flex flex-wrap items-end gap-2 ${className}`}>
      {children}
      <Button type="submit" variant={variant} disabled={isPending}>
        {isPending ? pendingLabel : submitLabel}
      </Button>
      <p role="status" aria-live="polite" className={`basis-full text-sm ${error ? "text-bad" : "text-good"} empty:hidden`}>
        {error ?? done ?? ""}
      </p>
    </form>
  );
}
