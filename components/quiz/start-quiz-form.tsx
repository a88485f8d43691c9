"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { startQuizAction } from "@/app/(app)/quiz/actions";
import { formLevelError } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { Field, FormError, SelectField } from "@/components/ui/field";
import { useActionCall } from "@/components/ui/use-action-call";

export interface StartQuizFormProps {
  studySetId: string;
  questionCount: number;
  missedCount: number;
  themes: { theme: string; count: number }[];
  allTimeLimitMin: number;
}

type By = "all" | "random" | "missed" | "theme";

/** The learner's choices for a quiz on a set: which questions, timed or practice, extra time, marking. */
export function StartQuizForm({ studySetId, questionCount, missedCount, themes, allTimeLimitMin }: StartQuizFormProps) {
  const router = useRouter();
  const ids = useId();
  const [by, setBy] = useState<By>("random");
  const [mode, setMode] = useState<"timed" | "practice">("timed");
  const { error, isSessionEnded, fieldErrors, isPending, run } = useActionCall();

  function submit(form: FormData) {
    const input = {
      studySetId,
      by: form.get("by"),
      mode: form.get("mode"),
      marking: form.get("marking"),
      multiplier: form.get("multiplier") ?? "1",
      ...(by === "random" ? { count: form.get("count") } : {}),
      ...(by === "theme" ? { theme: form.get("theme") } : {}),
    };
    run(() => startQuizAction(input), (result) => router.push(`/quiz/${result.attemptId}`), { refresh: false });
  }

  const choice = (value: string, label: string, hint: string, name: string, checked: boolean, onChange: () => void, disabled = false) => (
    <label className={`flex min-h-11 items-start gap-3 rounded-lg border border-border p-3 ${disabled ? "opacity-60" : "cursor-pointer hover:bg-surface-2"}`}>
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} disabled={disabled} className="mt-1 size-4 accent-accent" />
      <span>
        <span className="block text-sm font-medium">{label}</span>
        <span className="block text-xs text-muted">{hint}</span>
      </span>
    </label>
  );

  return (
    <form action={submit} className="space-y-5" aria-describedby={`${ids}-note`}>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">Questions</legend>
        {choice("random", "A few at random", "Drawn afresh each time.", "by", by === "random", () => setBy("random"))}
        {choice("all", `All ${questionCount} questions`, "In the set's order.", "by", by === "all", () => setBy("all"))}
        {choice(
          "missed",
          `Only the ones I got wrong (${missedCount})`,
          missedCount ? "Questions whose latest answer was wrong, partly right or blank." : "Nothing missed yet: take a quiz first.",
          "by",
          by === "missed",
          () => setBy("missed"),
          missedCount === 0,
        )}
        {choice("theme", "By theme", "Questions from one source article.", "by", by === "theme", () => setBy("theme"), themes.length === 0)}
      </fieldset>
      {by === "random" ? (
        <Field label="How many questions" name="count" id={`${ids}-count`} type="number" inputMode="numeric" min={1} max={questionCount} defaultValue={Math.min(10, questionCount)} errors={fieldErrors.count} />
      ) : null}
      {by === "theme" ? (
        <SelectField label="Theme" name="theme" id={`${ids}-theme`} errors={fieldErrors.theme}>
          {themes.map((t) => (
            <option key={t.theme} value={t.theme}>
              {t.theme} ({t.count})
            </option>
          ))}
        </SelectField>
      ) : null}

      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">Timing</legend>
        {choice("timed", "Timed", `Each question's own time, added up (all ${questionCount}: ${allTimeLimitMin} min). The server keeps the clock.`, "mode", mode === "timed", () => setMode("timed"))}
        {choice("practice", "Untimed practice", "No clock; submit when you are done.", "mode", mode === "practice", () => setMode("practice"))}
      </fieldset>
      {mode === "timed" ? (
        <SelectField label="Extra time" name="multiplier" id={`${ids}-multiplier`} hint="For your own practice: more time on every question." errors={fieldErrors.multiplier} defaultValue="1">
          <option value="1">None</option>
          <option value="1.25">1.25× the time</option>
          <option value="1.5">1.5× the time</option>
          <option value="2">2× the time</option>
        </SelectField>
      ) : null}

      <SelectField label="Marking" name="marking" id={`${ids}-marking`} defaultValue="standard">
        <option value="standard">1 mark per right answer, nothing taken away</option>
        <option value="prelims">UPSC prelims: +2 right, −⅔ wrong, 0 blank</option>
      </SelectField>

      <p id={`${ids}-note`} className="text-xs text-muted">
        Every answer is saved as you choose it. Answers, explanations and sources are shown after you submit.
      </p>
      <FormError message={formLevelError(error, fieldErrors, [...(by === "random" ? ["count"] : []), ...(by === "theme" ? ["theme"] : []), "multiplier"])} isSessionEnded={isSessionEnded} />
      <Button type="submit" disabled={isPending || questionCount === 0} className="w-full sm:w-auto">
        {isPending ? "Starting…" : "Start the quiz"}
      </Button>
    </form>
  );
}
