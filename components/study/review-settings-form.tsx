"use client";

import { useEffect, useRef, useState } from "react";
import { saveReviewSettingsAction } from "@/app/(app)/account/actions";
import { formLevelError } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { useActionCall } from "@/components/ui/use-action-call";
import { EXAM_DATE_MAX_YEARS } from "@/lib/srs/exam-date";

/** The fields this form shows its errors beside (the action's field errors use the same names). */
const FIELDS = ["examDate", "newCardsPerDay", "desiredRetention"] as const;

/** Exam date, new cards per day and desired retention. A field's problem is said once, beside it. */
export function ReviewSettingsForm({
  initial,
  examDates,
}: {
  initial: { examDate: string | null; newCardsPerDay: number; desiredRetention: number };
  /** The exam dates the server accepts now (examDateBounds), for the date picker; a saved date outside them stays choosable. */
  examDates: { earliest: string; latest: string };
}) {
  // The saved date stays choosable even outside today's bounds (already past, or set before the bounds existed), so the form can still be sent.
  const earliest = initial.examDate && initial.examDate < examDates.earliest ? initial.examDate : examDates.earliest;
  const latest = initial.examDate && initial.examDate > examDates.latest ? initial.examDate : examDates.latest;
  const { error, isSessionEnded, fieldErrors: errors, isPending: isSaving, run } = useActionCall();
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // With the message beside the field only, focus goes to the first field in error, so a screen reader
  // reads its label and message (aria-describedby) at once.
  useEffect(() => {
    const first = FIELDS.find((name) => errors[name]?.length);
    const control = first ? formRef.current?.elements.namedItem(first) : null;
    if (control instanceof HTMLElement) control.focus();
  }, [errors]);

  return (
    <form
      ref={formRef}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setSaved(false);
        const input = Object.fromEntries(FIELDS.map((name) => [name, String(form.get(name) ?? "")]));
        // Nothing on the page reads the settings but this form: no refresh needed.
        run(() => saveReviewSettingsAction(input), () => setSaved(true), { refresh: false });
      }}
    >
      <Field
        label="Exam date"
        name="examDate"
        type="date"
        min={earliest}
        max={latest}
        defaultValue={initial.examDate ?? ""}
        errors={errors.examDate}
        hint={`Every card is scheduled to be seen before it and none on or after it. From tomorrow up to ${EXAM_DATE_MAX_YEARS} years ahead; leave empty for none.`}
      />
      <Field label="New cards a day" name="newCardsPerDay" type="number" min={0} max={500} inputMode="numeric" defaultValue={initial.newCardsPerDay} errors={errors.newCardsPerDay} hint="Raised automatically when your exam needs more to see every card in time." />
      <Field
        label="Desired retention"
        name="desiredRetention"
        type="number"
        min={0.7}
        max={0.97}
        step={0.01}
        defaultValue={initial.desiredRetention}
        errors={errors.desiredRetention}
        hint="The share of cards you want to recall when they come due (0.70–0.97). Higher means more reviews."
      />
      <FormError message={formLevelError(error, errors, FIELDS)} isSessionEnded={isSessionEnded} />
      {saved ? (
        <p className="text-sm text-good" role="status">
          Saved. Your queue and forecast use the new settings.
        </p>
      ) : null}
      <Button type="submit" disabled={isSaving}>
        {isSaving ? "Saving…" : "Save review settings"}
      </Button>
    </form>
  );
}
