"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { startWritingAction } from "@/app/(app)/sets/[setId]/write/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** Starts a timed practice attempt; the server records the start time, then the page shows the answer box. */
export function StartPractice({ questionId, label = "Start writing" }: { questionId: string; label?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function start() {
    setError(null);
    startTransition(async () => {
      try {
        const result = await startWritingAction({ questionId });
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
    <div className="space-y-2">
      <FormError message={error} />
      <Button type="button" onClick={start} disabled={isPending} className="w-full sm:w-auto">
        {isPending ? "Starting…" : label}
      </Button>
    </div>
  );
}
