"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { joinClassAction } from "@/app/(app)/classes/actions";
import { callAction, failureMessage, formLevelError, isSessionEndedFailure } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { JOIN_CODE_EXAMPLE } from "@/lib/classes/join-code";

/** A student joins a class by its code (prefilled from an invite link). */
export function JoinClassForm({ defaultCode }: { defaultCode?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isSessionEnded, setIsSessionEnded] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [joined, setJoined] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const joinCode = String(new FormData(formElement).get("joinCode") ?? "");
    setIsPending(true);
    setError(null);
    setFieldErrors({});
    setIsSessionEnded(false);
    const result = await callAction(() => joinClassAction({ joinCode }));
    setIsPending(false);
    if (!result.ok) {
      setError(failureMessage(result, "the code stays here — join again once you are signed in."));
      setIsSessionEnded(isSessionEndedFailure(result));
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    setJoined(result.name);
    formElement.reset();
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={formLevelError(error, fieldErrors, ["joinCode"])} isSessionEnded={isSessionEnded} />
      {joined ? (
        <p role="status" className="text-sm text-good">
          You joined {joined}.
        </p>
      ) : null}
      <Field label="Join code" name="joinCode" autoComplete="off" autoCapitalize="characters" placeholder={`e.g. ${JOIN_CODE_EXAMPLE}`} defaultValue={defaultCode} errors={fieldErrors.joinCode} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Joining…" : "Join class"}
      </Button>
    </form>
  );
}
