"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

type Failure = { ok: false; error: string; fieldErrors?: Record<string, string[]> };
type ClassAction = (input: unknown) => Promise<{ ok: true } | Failure>;

/**
 * One control of a teacher's page: the form's fields (as strings) merged over `input` go to a server
 * action; its error (with every field's message) or `doneMessage` is announced, and the page refreshes.
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
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = Object.fromEntries([...new FormData(event.currentTarget)].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
    setIsPending(true);
    setError(null);
    setDone(null);
    const result = await action({ ...fields, ...input });
    setIsPending(false);
    if (!result.ok) {
      const details = Object.values(result.fieldErrors ?? {}).flat();
      setError([result.error, ...details.filter((d) => d !== result.error)].join(" "));
      return;
    }
    if (doneMessage) setDone(doneMessage);
    router.refresh();
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
