"use client";

import { useState } from "react";
import { updateQuestionAction } from "@/app/(app)/sets/[setId]/edit/actions";
import type { DraftQuestion } from "@/lib/db/authoring";
import { questionKindLabel } from "@/lib/format";
import { formLevelError } from "@/components/ui/action-call";
import { Field, FieldError, FormError, TextAreaField } from "@/components/ui/field";
import { EvidenceQuote } from "./evidence-quote";
import { EditFormActions, ItemControls, QualityNote, StatusBadge, useActionRunner } from "./item-controls";
import { formatMarksCount } from "@/lib/writing/marks";

const hasKey = (kind: string) => kind === "true_false" || kind === "numeric" || kind === "short_answer";

/** One draft timed question: prompt, options with the correct ones marked, key, explanation, source. */
export function QuestionReview({ setId, question, number }: { setId: string; question: DraftQuestion; number: number }) {
  const [isEditing, setIsEditing] = useState(false);
  const save = useActionRunner();
  const headingId = `question-${question.id}-heading`;
  const isSingle = question.kind === "single_choice";

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const correct = new Set(form.getAll("correct").map(String));
    save.run(
      () =>
        updateQuestionAction(setId, {
          questionId: question.id,
          prompt: String(form.get("prompt") ?? ""),
          explanation: String(form.get("explanation") ?? ""),
          ...(hasKey(question.kind) ? { answer: String(form.get(`answer-${question.id}`) ?? "") } : {}),
          ...(question.options.length
            ? { options: question.options.map((o) => ({ id: o.id, text: String(form.get(`option-${o.id}`) ?? ""), isCorrect: correct.has(o.id) })) }
            : {}),
        }),
      () => setIsEditing(false),
    );
  }

  return (
    <article
      aria-labelledby={headingId}
      className={`rounded-xl border bg-surface p-4 ${question.status === "rejected" ? "border-dashed border-border" : "border-border"}`}
      data-testid="draft-question"
    >
      <header className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-xs font-medium uppercase tracking-wide text-muted">
          Question {number} · {questionKindLabel[question.kind] ?? question.kind} · {formatMarksCount(question.marks)} · {question.timeLimitSec} s
        </h3>
        <StatusBadge status={question.status} />
      </header>
      {isEditing ? (
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          <FormError message={formLevelError(save.error, save.fieldErrors, ["prompt", "explanation", ...(question.options.length ? ["options"] : []), ...(hasKey(question.kind) ? ["answer"] : [])])} isSessionEnded={save.isSessionEnded} />
          <TextAreaField label="Question" name="prompt" id={`prompt-${question.id}`} rows={4} defaultValue={question.prompt} errors={save.fieldErrors.prompt} autoFocus />
          {question.options.length ? (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Options — tick the correct {isSingle ? "one" : "ones"}</legend>
              {question.options.map((o, i) => (
                <div key={o.id} className="flex items-start gap-2">
                  <input
                    type={isSingle || question.kind === "true_false" ? "radio" : "checkbox"}
                    name="correct"
                    value={o.id}
                    defaultChecked={o.isCorrect}
                    id={`correct-${o.id}`}
                    className="mt-3 h-5 w-5 accent-[var(--accent)]"
                    aria-label={`Option ${String.fromCharCode(65 + i)} is correct`}
                  />
                  <div className="flex-1">
                    <Field label={`Option ${String.fromCharCode(65 + i)}`} name={`option-${o.id}`} defaultValue={o.text} />
                  </div>
                </div>
              ))}
              <FieldError errors={save.fieldErrors.options} />
            </fieldset>
          ) : null}
          {hasKey(question.kind) ? (
            <Field
              label={question.kind === "true_false" ? "Answer (true or false)" : question.unit ? `Answer (${question.unit})` : "Answer"}
              name={`answer-${question.id}`}
              defaultValue={question.answer ?? ""}
              errors={save.fieldErrors.answer}
            />
          ) : null}
          <TextAreaField label="Explanation" name="explanation" id={`explanation-${question.id}`} rows={3} defaultValue={question.explanation} errors={save.fieldErrors.explanation} />
          <EditFormActions label="Save question" isPending={save.isPending} onCancel={() => setIsEditing(false)} />
        </form>
      ) : (
        <>
          <p className="whitespace-pre-line font-medium leading-relaxed">{question.prompt}</p>
          {question.options.length ? (
            <ol className="mt-2 space-y-1 text-sm">
              {question.options.map((o, i) => (
                <li key={o.id} className={`flex gap-2 rounded-lg px-2 py-1 ${o.isCorrect ? "bg-accent-soft" : ""}`}>
                  <span className="font-medium">{String.fromCharCode(65 + i)}.</span>
                  <span className="flex-1">{o.text}</span>
                  {o.isCorrect ? <span className="font-medium text-accent">✓ Correct</span> : null}
                </li>
              ))}
            </ol>
          ) : null}
          {hasKey(question.kind) && question.answer !== null ? (
            <p className="mt-2 text-sm">
              <span className="font-medium">Answer:</span> {question.answer}
              {question.unit ? ` ${question.unit}` : ""}
            </p>
          ) : null}
          <p className="mt-2 text-sm text-muted">
            <span className="font-medium text-fg">Explanation:</span> {question.explanation}
          </p>
        </>
      )}
      <div className="mt-3">
        <EvidenceQuote evidence={question.evidence} />
      </div>
      <QualityNote score={question.qualityScore} reasons={question.qualityReasons} status={question.status} />
      <ItemControls
        setId={setId}
        kind="question"
        itemId={question.id}
        status={question.status}
        label={`question ${number}`}
        isEditing={isEditing}
        onEdit={() => setIsEditing(true)}
      />
    </article>
  );
}
