"use client";

import { useState } from "react";
import { saveReviewSettingsAction } from "@/app/(app)/account/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

/** Exam date, new cards per day and desired retention. */
export function ReviewSettingsForm({ initial }: { initial: { examDate: string | null; newCardsPerDay: number; desiredRetention: number } }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setIsSaving(true);
        setSaved(false);
        const result = await saveReviewSettingsAction({
          examDate: String(form.get("examDate") ?? ""),
          newCardsPerDay: String(form.get("newCardsPerDay") ?? ""),
          desiredRetention: String(form.get("desiredRetention") ?? ""),
        });
        setIsSaving(false);
        if (result.ok) {
          setErrors({});
          setError(null);
          setSaved(true);
        } else {
          setErrors(result.fieldErrors ?? {});
          setError(result.error);
        }
      }}
    >
      <Field label="Exam date" name="examDate" type="date" defaultValue={initial.examDate ?? ""} errors={errors.examDate} hint="Every card is scheduled to be seen before it and none on or after it. Leave empty for none." />
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
      <FormError message={error} />
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
