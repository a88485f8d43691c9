"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignSetAction } from "@/app/(app)/sets/[setId]/actions";
import { callAction } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { Field, FieldError, FormError, SelectField } from "@/components/ui/field";
import { ASSIGNMENT_KINDS, LATE_POLICIES, RESULT_RELEASES, assignmentKindLabel, latePolicyLabel, resultReleaseLabel, type AssignmentKind } from "@/lib/classes/assignments";
import { markingSchemePresets, type MarkingPreset } from "@/lib/quiz/marking";

export interface AssignableClass {
  id: string;
  name: string;
}

export interface AssignableQuestion {
  id: string;
  prompt: string;
}

function QuestionChoice({ legend, name, questions, errors }: { legend: string; name: string; questions: AssignableQuestion[]; errors?: string[] }) {
  return (
    <fieldset className="space-y-1" aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <ul className="max-h-64 space-y-1 overflow-y-auto rounded-lg border border-border p-2">
        {questions.map((q) => (
          <li key={q.id}>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name={name} value={q.id} className="mt-1 h-4 w-4" />
              <span>{q.prompt}</span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={`${name}-error`} errors={errors} />
    </fieldset>
  );
}

/** What each kind of assignment asks of its time limit: the whole quiz, or each written answer (one input per kind, so a value typed for one never carries into the other). */
const timeLimitField: Record<"quiz" | "written", { label: string; hint: string }> = {
  quiz: { label: "Time limit for the whole quiz, in minutes", hint: "Empty: each question's own limit, added up." },
  written: { label: "Time for each answer, in minutes", hint: "Empty: each question's own limit (shown with it above)." },
};

/**
 * Assigns this (published) set to one of the teacher's classes: what to do (review the cards, a
 * timed quiz of all / chosen / N random questions with a marking scheme, or written questions), when
 * it opens and is due, the time limit, attempts, when results are released and what happens to late work.
 * Only the fields of the chosen kind are sent (the server ignores the others too). After an assignment
 * is made the form starts afresh for the next one, keeping only the class, and says so.
 * The same set may be assigned to a class again under another title (the server refuses a second card
 * review of it, or a repeated title, with a message on the field).
 */
export function AssignSetForm({
  studySetId,
  defaultTitle,
  classes,
  defaultClassId,
  writtenQuestions,
  quizQuestions,
  timeHint,
}: {
  studySetId: string;
  defaultTitle: string;
  classes: AssignableClass[];
  /** The class to start on (the class page's "Assign a study set" link), when it is one of `classes`. */
  defaultClassId?: string;
  writtenQuestions: AssignableQuestion[];
  quizQuestions: AssignableQuestion[];
  /** Which zone the opening and due times are read in (timeInputHint). */
  timeHint: string;
}) {
  const router = useRouter();
  const [classId, setClassId] = useState(() => (classes.some((c) => c.id === defaultClassId) ? defaultClassId! : (classes[0]?.id ?? "")));
  const [kind, setKind] = useState<AssignmentKind>("study_set");
  const [quizPick, setQuizPick] = useState<"all" | "chosen" | "random">("all");
  // Bumped after each assignment made: the uncontrolled fields below start again from their defaults.
  const [round, setRound] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const isTimed = kind !== "study_set";
    setIsPending(true);
    setError(null);
    setFieldErrors({});
    setDone(null);
    const input = {
      studySetId,
      classId,
      kind,
      title: text("title"),
      opensAt: text("opensAt"),
      dueAt: text("dueAt"),
      latePolicy: text("latePolicy"),
      ...(isTimed ? { timeLimitMin: text("timeLimitMin"), attemptsAllowed: text("attemptsAllowed"), resultRelease: text("resultRelease") } : {}),
      ...(kind === "written" ? { questionIds: form.getAll("writtenQuestionIds").map(String) } : {}),
      ...(kind === "quiz"
        ? {
            quizPick,
            marking: text("marking"),
            ...(quizPick === "chosen" ? { questionIds: form.getAll("quizQuestionIds").map(String) } : {}),
            ...(quizPick === "random" ? { quizCount: text("quizCount") } : {}),
          }
        : {}),
    };
    const result = await callAction(() => assignSetAction(input));
    setIsPending(false);
    if (!result.ok) {
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    const className = classes.find((c) => c.id === classId)?.name ?? "the class";
    setDone(`Assigned “${result.title}” to ${className}. The form is cleared for the next assignment; the class stays ${className}.`);
    setKind("study_set");
    setQuizPick("all");
    setRound((n) => n + 1);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={error} />
      {done ? (
        <p role="status" className="text-sm text-good">
          {done}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Class" name="classId" id="assign-class" errors={fieldErrors.classId} value={classId} onChange={(e) => setClassId(e.target.value)}>
          {classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <Field
          key={`title-${round}`}
          label="Title shown to students"
          name="title"
          id="assign-title"
          defaultValue={defaultTitle}
          hint="Assigning this set to a class again? Give each its own title, such as Quiz 1 and Quiz 2."
          errors={fieldErrors.title}
        />
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">What to assign</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {ASSIGNMENT_KINDS.map((k) => (
            <label key={k} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="h-4 w-4" />
              {assignmentKindLabel[k]}
            </label>
          ))}
        </div>
        <FieldError errors={fieldErrors.kind} />
      </fieldset>
      <div key={`fields-${round}`} className="space-y-4">
        {kind === "written" ? (
          writtenQuestions.length === 0 ? (
            <p className="text-sm text-muted">This set has no written questions.</p>
          ) : (
            <QuestionChoice legend="Questions to answer" name="writtenQuestionIds" questions={writtenQuestions} errors={fieldErrors.questionIds} />
          )
        ) : null}
        {kind === "quiz" ? (
          <div className="space-y-3">
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">Questions ({quizQuestions.length} in this set)</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                {(
                  [
                    ["all", "All of them"],
                    ["chosen", "The ones I choose"],
                    ["random", "A number drawn at random"],
                  ] as const
                ).map(([value, label]) => (
                  <label key={value} className="flex min-h-11 items-center gap-2 text-sm">
                    <input type="radio" name="quizPick" value={value} checked={quizPick === value} onChange={() => setQuizPick(value)} className="h-4 w-4" />
                    {label}
                  </label>
                ))}
              </div>
            </fieldset>
            {quizPick === "chosen" ? <QuestionChoice legend="Quiz questions" name="quizQuestionIds" questions={quizQuestions} errors={fieldErrors.questionIds} /> : null}
            {quizPick === "random" ? (
              <Field label="How many questions" name="quizCount" id="assign-quiz-count" inputMode="numeric" hint="Drawn once now: every student gets the same questions." errors={fieldErrors.quizCount} />
            ) : null}
            <SelectField label="Marking" name="marking" id="assign-marking" defaultValue="standard" errors={fieldErrors.marking}>
              {(Object.keys(markingSchemePresets) as MarkingPreset[]).map((m) => (
                <option key={m} value={m}>
                  {markingSchemePresets[m].label}
                </option>
              ))}
            </SelectField>
          </div>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Opens (optional)" name="opensAt" id="assign-opens" type="datetime-local" hint={timeHint} errors={fieldErrors.opensAt} />
          <Field label="Due (optional)" name="dueAt" id="assign-due" type="datetime-local" hint={timeHint} errors={fieldErrors.dueAt ?? fieldErrors.dueOn} />
          {kind !== "study_set" ? (
            <Field
              key={`time-limit-${kind}`}
              label={timeLimitField[kind].label}
              name="timeLimitMin"
              id={`assign-time-limit-${kind}`}
              inputMode="numeric"
              hint={timeLimitField[kind].hint}
              errors={fieldErrors.timeLimitMin}
            />
          ) : null}
          {kind !== "study_set" ? <Field label="Attempts allowed" name="attemptsAllowed" id="assign-attempts" inputMode="numeric" defaultValue="1" errors={fieldErrors.attemptsAllowed} /> : null}
          {kind !== "study_set" ? (
            <SelectField label="Results and model answer" name="resultRelease" id="assign-release" defaultValue="on_submission" errors={fieldErrors.resultRelease}>
              {RESULT_RELEASES.map((r) => (
                <option key={r} value={r}>
                  {resultReleaseLabel[r]}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField label="Late work" name="latePolicy" id="assign-late" defaultValue="accept_late" errors={fieldErrors.latePolicy}>
            {LATE_POLICIES.map((p) => (
              <option key={p} value={p}>
                {latePolicyLabel[p]}
              </option>
            ))}
          </SelectField>
        </div>
      </div>
      <p className="text-xs text-muted">Times are in the school&apos;s time zone; the server&apos;s clock decides. Extra time and extensions are set per student on the class page.</p>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Assigning…" : "Assign"}
      </Button>
    </form>
  );
}
