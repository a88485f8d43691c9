"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { acceptAutomaticMarksAction } from "@/app/(app)/classes/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** "Accept the automatic marks" for one answer in the to-check queue: one click, recorded with who and when. */
export function AcceptMarksButton({ attemptId, studentName }: { attemptId: string; studentName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function accept() {
    setError(null);
    startTransition(async () => {
      try {
        const result = await acceptAutomaticMarksAction({ attemptId });
        if (!result.ok) {
          setError(result.error);
          return;
        }
        router.refresh();
      } catch {
        setError("Could not reach Crux. Check your connection and try again.");
      }
    });
  }
  return (
    <div className="space-y-1">
      <Button type="button" variant="secondary" onClick={accept} disabled={isPending}>
        {isPending ? "Accepting…" : "Accept the automatic marks"}
        <span className="sr-only"> for {studentName}</span>
      </Button>
      <FormError message={error} />
    </div>
  );
}
