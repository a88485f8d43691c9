"use client";

import { useState } from "react";
import { updateModelAnswerAction, updateQuestionAction } from "@/app/(app)/sets/[setId]/edit/actions";
import type { DraftModelAnswer, DraftQuestion } from "@/lib/db/authoring";
import { formLevelError } from "@/components/ui/action-call";
import { Field, FormError, TextAreaField } from "@/components/ui/field";
import { EvidenceQuote } from "./evidence-quote";
import { EditFormActions, ItemControls, StatusBadge, useActionRunner } from "./item-controls";
import { formatMarksCount } from "@/lib/writing/marks";

function ModelAnswerView({ answer }: { answer: DraftModelAnswer }) {
  return (
    <div className="mt-3 space-y-3 text-sm leading-relaxed">
      <div>
        <h4 className="font-semibold">Core demands</h4>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {answer.coreDemands.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      </div>
      <div>
        <h4 className="font-semibold">Introduction</h4>
        <p className="mt-1 whitespace-pre-line">{answer.introduction}</p>
      </div>
      <div>
        <h4 className="font-semibold">Body</h4>
        {answer.sections.map((section) => (
          <section key={section.id} className="mt-2" aria-label={section.heading}>
            <h5 className="font-medium text-accent">{section.heading}</h5>
            <ol className="mt-1 space-y-3">
              {section.points.map((p) => (
                <li key={p.id} className="rounded-lg border border-border p-3">
                  <p>{p.text}</p>
                  {p.example ? (
                    <p className="mt-1 text-muted">
                      <span className="font-medium text-fg">Eg:</span> {p.example}
                    </p>
                  ) : null}
                  <div className="mt-2">
                    <EvidenceQuote evidence={p.evidence} />
                  </div>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
      <div>
        <h4 className="font-semibold">Conclusion</h4>
        <p className="mt-1 whitespace-pre-line">{answer.conclusion}</p>
      </div>
      <div>
        <h4 className="font-semibold">Rubric</h4>
        <table className="mt-1 w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-border text-xs text-muted">
              <th scope="col" className="py-1 pr-2 font-medium">
                Point
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Kind
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Marks
              </th>
            </tr>
          </thead>
          <tbody>
            {answer.rubric.map((r) => (
              <tr key={r.id} className="border-b border-border align-top last:border-0">
                <td className="py-1.5 pr-2">{r.point}</td>
                <td className="py-1.5 pr-2 text-muted">{r.kind}</td>
                <td className="py-1.5 text-right tabular-nums">{r.marks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

type RubricRow = { key: string; id?: string; point: string; marks: string; kind: "content" | "structure" };

/**
 * The rubric editor: re-word, re-weight, add and remove points, with the running total against the
 * question's marks (the server refuses a rubric that does not add up, and says by how much).
 */
function RubricEditor({ rows, setRows, marks, errors }: { rows: RubricRow[]; setRows: (rows: RubricRow[]) => void; marks: number; errors?: string[] }) {
  const total = Math.round(rows.reduce((n, r) => n + (Number(r.marks) || 0), 0) * 100) / 100;
  const isBalanced = Math.abs(total - marks) < 1e-9;
  const update = (key: string, patch: Partial<RubricRow>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="space-y-2 rounded-lg border border-border p-3">
      <legend className="px-1 text-sm font-medium">Rubric — its points must add up to the question&apos;s {formatMarksCount(marks)}</legend>
      {rows.map((r, i) => (
        <div key={r.key} className="grid gap-2 border-t border-border pt-2 first:border-0 first:pt-0 sm:grid-cols-[1fr_7rem]">
          <label className="block text-sm">
            <span className="font-medium">
              Rubric point {i + 1} ({r.kind})
            </span>
            <textarea
              className="mt-1 block w-full rounded-lg border border-border bg-surface px-3 py-2"
              rows={2}
              value={r.point}
              onChange={(e) => update(r.key, { point: e.target.value })}
            />
          </label>
          <div className="space-y-1">
            <label className="block text-sm">
              <span className="font-medium">Marks for point {i + 1}</span>
              <input
                className="mt-1 block min-h-11 w-full rounded-lg border border-border bg-surface px-3"
                type="number"
                inputMode="decimal"
                min={0.25}
                max={25}
                step={0.25}
                value={r.marks}
                onChange={(e) => update(r.key, { marks: e.target.value })}
              />
            </label>
            <button
              type="button"
              className="min-h-11 text-sm font-medium text-bad underline-offset-2 hover:underline disabled:opacity-50"
              disabled={rows.length <= 1}
              onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
            >
              Remove point {i + 1}
            </button>
          </div>
        </div>
      ))}
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-border pt-2">
        <button
          type="button"
          className="min-h-11 text-sm font-medium text-accent underline-offset-2 hover:underline"
          onClick={() => setRows([...rows, { key: `new-${rows.length}-${Date.now()}`, point: "", marks: "1", kind: "content" }])}
        >
          Add a rubric point
        </button>
        <p aria-live="polite" className={`text-sm font-medium ${isBalanced ? "text-good" : "text-warn"}`}>
          Total {total} of {formatMarksCount(marks)}{isBalanced ? " ✓" : ` — ${total > marks ? "take away" : "add"} ${Math.round(Math.abs(total - marks) * 100) / 100}`}
        </p>
      </div>
      {errors?.length ? (
        <p role="alert" className="text-sm text-bad">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}

function ModelAnswerForm({ setId, question, answer, onDone }: { setId: string; question: DraftQuestion; answer: DraftModelAnswer; onDone: () => void }) {
  const save = useActionRunner();
  const idOf = (name: string) => `${name}-${question.id}`;
  const [rubric, setRubric] = useState<RubricRow[]>(() => answer.rubric.map((r) => ({ key: r.id, id: r.id, point: r.point, marks: String(r.marks), kind: r.kind })));

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    save.run(async () => {
      const prompt = text("prompt");
      if (prompt !== question.prompt) {
        const saved = await updateQuestionAction(setId, { questionId: question.id, prompt, explanation: question.explanation });
        if (!saved.ok) return saved;
      }
      return updateModelAnswerAction(setId, {
        questionId: question.id,
        coreDemands: text("coreDemands")
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean),
        introduction: text("introduction"),
        conclusion: text("conclusion"),
        sections: answer.sections.map((s) => ({
          id: s.id,
          heading: text(`heading-${s.id}`),
          points: s.points.map((p) => ({ id: p.id, text: text(`point-${p.id}`), example: text(`example-${p.id}`) || null })),
        })),
        rubric: rubric.map((r) => ({ ...(r.id ? { id: r.id } : {}), point: r.point.trim(), marks: Number(r.marks), kind: r.kind })),
      });
    }, onDone);
  }

  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-4" noValidate aria-label="Edit the model answer">
      <FormError message={formLevelError(save.error, save.fieldErrors, ["prompt", "rubric"])} isSessionEnded={save.isSessionEnded} />
      <TextAreaField label="Question" name="prompt" id={idOf("prompt")} rows={3} defaultValue={question.prompt} errors={save.fieldErrors.prompt} autoFocus />
      <TextAreaField label="Core demands (one per line)" name="coreDemands" id={idOf("demands")} rows={3} defaultValue={answer.coreDemands.join("\n")} />
      <TextAreaField label="Introduction" name="introduction" id={idOf("introduction")} rows={4} defaultValue={answer.introduction} />
      {answer.sections.map((s, si) => (
        <fieldset key={s.id} className="space-y-3 rounded-lg border border-border p-3">
          <legend className="px-1 text-sm font-medium">Body section {si + 1}</legend>
          <Field label="Heading" name={`heading-${s.id}`} defaultValue={s.heading} />
          {s.points.map((p, pi) => (
            <div key={p.id} className="space-y-2 border-t border-border pt-2">
              <TextAreaField label={`Point ${pi + 1}`} name={`point-${p.id}`} rows={2} defaultValue={p.text} />
              <Field label={`Example for point ${pi + 1} (optional)`} name={`example-${p.id}`} defaultValue={p.example ?? ""} />
            </div>
          ))}
        </fieldset>
      ))}
      <TextAreaField label="Conclusion" name="conclusion" id={idOf("conclusion")} rows={3} defaultValue={answer.conclusion} />
      <RubricEditor rows={rubric} setRows={setRubric} marks={question.marks} errors={save.fieldErrors.rubric} />
      <EditFormActions label="Save model answer" isPending={save.isPending} onCancel={onDone} />
    </form>
  );
}

/** One draft written question with its model answer and rubric, each point with its source. */
export function WrittenReview({ setId, question, number }: { setId: string; question: DraftQuestion; number: number }) {
  const [isEditing, setIsEditing] = useState(false);
  const [isOpen, setIsOpen] = useState(false);
  const headingId = `written-${question.id}-heading`;
  const answer = question.modelAnswer;
  return (
    <article
      aria-labelledby={headingId}
      className={`rounded-xl border bg-surface p-4 ${question.status === "rejected" ? "border-dashed border-border" : "border-border"}`}
      data-testid="draft-written"
    >
      <header className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-xs font-medium uppercase tracking-wide text-muted">
          Written question {number} · {formatMarksCount(question.marks)}{question.wordLimit ? ` · ${question.wordLimit} words` : ""} · {Math.round(question.timeLimitSec / 60)} min
        </h3>
        <StatusBadge status={question.status} />
      </header>
      <p className="font-medium leading-relaxed">{question.prompt}</p>
      {answer ? (
        <>
          <p className="mt-1 text-sm text-muted">
            Directive: {answer.directive} · model answer of {answer.wordCount} words · {answer.sections.reduce((n, s) => n + s.points.length, 0)} body points
          </p>
          {isEditing ? (
            <ModelAnswerForm setId={setId} question={question} answer={answer} onDone={() => setIsEditing(false)} />
          ) : (
            <div className="mt-2">
              <button
                type="button"
                aria-expanded={isOpen}
                aria-controls={`answer-${question.id}`}
                onClick={() => setIsOpen(!isOpen)}
                className="inline-flex min-h-11 items-center text-sm font-medium text-accent underline-offset-2 hover:underline"
              >
                {isOpen ? "Hide the model answer" : "Show the model answer"}
              </button>
              <div id={`answer-${question.id}`} hidden={!isOpen}>
                <ModelAnswerView answer={answer} />
              </div>
            </div>
          )}
        </>
      ) : (
        <>
          <p className="mt-2 text-sm text-muted">No model answer yet.</p>
          <div className="mt-3">
            <EvidenceQuote evidence={question.evidence} />
          </div>
        </>
      )}
      <ItemControls
        setId={setId}
        kind="question"
        itemId={question.id}
        status={question.status}
        label={`written question ${number}`}
        isEditing={isEditing || !answer}
        onEdit={() => {
          setIsOpen(true);
          setIsEditing(true);
        }}
      />
    </article>
  );
}
