"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { answerRegradeAction } from "@/app/(app)/attempts/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { formatMarks } from "@/lib/writing/marks";
import { REGRADE_REPLY_MAX } from "@/lib/writing/schemas";

/** A teacher's answer to an open regrade request: accept with a new mark (moderated, the reply as reason) or decline, with a reply. */
export function RegradeAnswerForm({ requestId, pointNumber, current, choices }: { requestId: string; pointNumber: number; current: number; choices: number[] }) {
  const router = useRouter();
  const ids = useId();
  const [decision, setDecision] = useState<"accept" | "decline">("accept");
  const [awarded, setAwarded] = useState(String(choices.find((c) => c > current) ?? current));
  const [reply, setReply] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [isPending, startTransition] = useTransition();

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    setFieldErrors({});
    startTransition(async () => {
      try {
        const input = decision === "accept" ? { requestId, decision, awarded: Number(awarded), reply } : { requestId, decision, reply };
        const result = await answerRegradeAction(input);
        if (!result.ok) {
          setError(result.error);
          setFieldErrors(result.fieldErrors ?? {});
          return;
        }
        setReply("");
        router.refresh();
      } catch {
        setError("Could not reach Crux. Check your connection and try again.");
      }
    });
  }

  const replyError = fieldErrors.reply?.join(" ");
  return (
    <form onSubmit={submit} className="mt-2 space-y-2" noValidate aria-label={`Answer the regrade request on point ${pointNumber}`}>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Your decision</legend>
        <div className="flex flex-wrap gap-4">
          {(["accept", "decline"] as const).map((d) => (
            <label key={d} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" name={`${ids}-decision`} value={d} checked={decision === d} onChange={() => setDecision(d)} />
              {d === "accept" ? "Accept and change the mark" : "Decline: the mark stands"}
            </label>
          ))}
        </div>
      </fieldset>
      {decision === "accept" ? (
        <div className="space-y-1">
          <label htmlFor={`${ids}-mark`} className="block text-sm font-medium">
            New mark
          </label>
          <select
            id={`${ids}-mark`}
            value={awarded}
            onChange={(e) => setAwarded(e.target.value)}
            className="block min-h-11 w-full rounded-lg border border-border bg-surface px-3 text-base text-fg sm:w-40"
          >
            {choices.map((c) => (
              <option key={c} value={String(c)}>
                {formatMarks(c)} of {formatMarks(choices[choices.length - 1] ?? c)}
              </option>
            ))}
          </select>
          {fieldErrors.awarded ? <p className="text-sm text-bad">{fieldErrors.awarded.join(" ")}</p> : null}
        </div>
      ) : null}
      <div className="space-y-1">
        <label htmlFor={`${ids}-reply`} className="block text-sm font-medium">
          Reply (the student reads it{decision === "accept" ? "; it is also the moderation's reason" : ""})
        </label>
        <textarea
          id={`${ids}-reply`}
          value={reply}
          onChange={(e) => setReply(e.target.value)}
          required
          maxLength={REGRADE_REPLY_MAX}
          aria-invalid={replyError ? true : undefined}
          aria-describedby={replyError ? `${ids}-reply-error` : undefined}
          rows={3}
          className={`block w-full rounded-lg border bg-surface px-3 py-2 text-base text-fg ${replyError ? "border-bad" : "border-border"}`}
        />
        {replyError ? (
          <p id={`${ids}-reply-error`} className="text-sm text-bad">
            {replyError}
          </p>
        ) : null}
      </div>
      <FormError message={error && !replyError ? error : null} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : "Send the answer"}
      </Button>
    </form>
  );
}
