"use client";

import { useRef } from "react";
import { addWrittenQuestionAction } from "@/app/(app)/sets/[setId]/edit/actions";
import { formLevelError } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextAreaField } from "@/components/ui/field";
import { useActionRunner } from "./item-controls";

/** A teacher's own written question: a model answer and rubric are drafted from the set's material. */
export function AddWrittenQuestionForm({ setId }: { setId: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const save = useActionRunner();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.run(
      () => addWrittenQuestionAction(setId, { question: String(form.get("question") ?? ""), marks: String(form.get("marks") ?? "") }),
      () => formRef.current?.reset(),
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="add-written-heading">
      <h2 id="add-written-heading" className="text-lg font-semibold">
        Add a written question
      </h2>
      <p className="text-sm text-muted">Type an exam question; Crux drafts a model answer and rubric from this set&rsquo;s material.</p>
      <FormError message={formLevelError(save.error, save.fieldErrors, ["question", "marks"])} isSessionEnded={save.isSessionEnded} />
      <TextAreaField
        label="Question"
        name="question"
        id="add-written-question"
        rows={3}
        placeholder="e.g. Critically examine how cross-border militancy complicates counter-terrorism cooperation."
        errors={save.fieldErrors.question}
      />
      <SelectField label="Marks" name="marks" id="add-written-marks" defaultValue="" errors={save.fieldErrors.marks}>
        <option value="">As stated in the question, else 15</option>
        <option value="10">10 marks (150 words)</option>
        <option value="15">15 marks (250 words)</option>
      </SelectField>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Writing the model answer…" : "Draft a model answer"}
      </Button>
    </form>
  );
}
