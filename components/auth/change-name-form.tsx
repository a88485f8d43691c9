"use client";

import { useState } from "react";
import { changeNameAction } from "@/app/(app)/account/actions";
import { formLevelError } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { useActionCall } from "@/components/ui/use-action-call";

/** The person's own name, as their teachers see it in rosters and gradebooks. */
export function ChangeNameForm({ name }: { name: string }) {
  const { error, isSessionEnded, fieldErrors, isPending, run } = useActionCall();
  const [savedName, setSavedName] = useState<string | null>(null);

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setSavedName(null);
        run(() => changeNameAction({ name: String(form.get("name") ?? "") }), (result) => setSavedName(result.name));
      }}
    >
      <Field label="Name" name="name" autoComplete="name" required maxLength={100} defaultValue={name} errors={fieldErrors.name} />
      <FormError message={formLevelError(error, fieldErrors, ["name"])} isSessionEnded={isSessionEnded} />
      {savedName ? (
        <p className="text-sm text-good" role="status">
          Saved. You are now shown as {savedName}.
        </p>
      ) : null}
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : "Save name"}
      </Button>
    </form>
  );
}
