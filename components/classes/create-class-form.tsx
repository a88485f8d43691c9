"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createClassAction } from "@/app/(app)/classes/actions";
import { callAction, formLevelError } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

export function CreateClassForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    setIsPending(true);
    setError(null);
    setFieldErrors({});
    const result = await callAction(() => createClassAction({ name }));
    if (!result.ok) {
      setIsPending(false);
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    router.push(`/classes/${result.id}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={formLevelError(error, fieldErrors, ["name"])} />
      <Field label="Class name" name="name" placeholder="e.g. GS Paper II — evening batch" errors={fieldErrors.name} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating…" : "Create class"}
      </Button>
    </form>
  );
}
