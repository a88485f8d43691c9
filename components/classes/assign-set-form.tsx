"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignSetAction } from "@/app/(app)/sets/[setId]/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError, SelectField } from "@/components/ui/field";

export interface AssignableClass {
  id: string;
  name: string;
}

/** Assigns this (published) set to one of the teacher's classes, with an optional due date. */
export function AssignSetForm({ studySetId, defaultTitle, classes }: { studySetId: string; defaultTitle: string; classes: AssignableClass[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const classId = String(form.get("classId") ?? "");
    setIsPending(true);
    setError(null);
    setFieldErrors({});
    setDone(null);
    const result = await assignSetAction({
      studySetId,
      classId,
      title: String(form.get("title") ?? ""),
      dueOn: String(form.get("dueOn") ?? ""),
    });
    setIsPending(false);
    if (!result.ok) {
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    setDone(classes.find((c) => c.id === classId)?.name ?? "the class");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={error} />
      {done ? (
        <p role="status" className="text-sm text-good">
          Assigned to {done}.
        </p>
      ) : null}
      <SelectField label="Class" name="classId" errors={fieldErrors.classId} defaultValue={classes[0]?.id}>
        {classes.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <Field label="Title shown to students" name="title" id="assign-title" defaultValue={defaultTitle} errors={fieldErrors.title} />
      <Field label="Due on (optional)" name="dueOn" type="date" errors={fieldErrors.dueOn} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Assigning…" : "Assign"}
      </Button>
    </form>
  );
}
