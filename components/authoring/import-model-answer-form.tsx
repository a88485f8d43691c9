"use client";

import { useRef } from "react";
import { importModelAnswerAction } from "@/app/(app)/sets/[setId]/edit/actions";
import { formLevelError } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { Field, FormError, SelectField, TextAreaField } from "@/components/ui/field";
import { useActionRunner } from "./item-controls";

/** Imports an existing model answer (Core Demand / Introduction / Body / Conclusion) for a question. */
export function ImportModelAnswerForm({ setId }: { setId: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const save = useActionRunner();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    save.run(
      () => importModelAnswerAction(setId, { question: text("question"), text: text("text"), outlet: text("outlet"), marks: text("marks") }),
      () => formRef.current?.reset(),
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="import-answer-heading">
      <h2 id="import-answer-heading" className="text-lg font-semibold">
        Import a model answer
      </h2>
      <p className="text-sm text-muted">
        Paste an answer laid out as &ldquo;Core Demand of the Question&rdquo;, &ldquo;Introduction&rdquo;, &ldquo;Body&rdquo; (headings with &ldquo;- &rdquo; points and
        &ldquo;Eg:&rdquo; examples) and &ldquo;Conclusion&rdquo;. Its structure is kept and a rubric is derived from it.
      </p>
      <FormError message={formLevelError(save.error, save.fieldErrors, ["question", "text", "outlet", "marks"])} isSessionEnded={save.isSessionEnded} />
      <TextAreaField label="The question it answers" name="question" id="import-question" rows={2} errors={save.fieldErrors.question} />
      <TextAreaField label="Model answer" name="text" id="import-text" rows={10} errors={save.fieldErrors.text} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Source (optional)" name="outlet" placeholder="e.g. the coaching site's name" errors={save.fieldErrors.outlet} />
        <SelectField label="Marks" name="marks" id="import-marks" defaultValue="" errors={save.fieldErrors.marks}>
          <option value="">From the answer&rsquo;s length</option>
          <option value="10">10 marks</option>
          <option value="15">15 marks</option>
        </SelectField>
      </div>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Importing…" : "Import the answer"}
      </Button>
    </form>
  );
}
