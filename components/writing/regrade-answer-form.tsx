"use client";

import { useId, useState } from "react";
import { answerRegradeAction } from "@/app/(app)/attempts/actions";
import { formLevelError } from "@/components/ui/action-call";
import { Button } from "@/components/ui/button";
import { FormError, TextAreaField } from "@/components/ui/field";
import { useActionCall } from "@/components/ui/use-action-call";
import { REGRADE_REPLY_MAX } from "@/lib/writing/regrade";
import { MarkSelect } from "./mark-select";

/** A teacher's answer to an open regrade request: accept with a new mark (moderated, the reply as reason) or decline, with a reply. */
export function RegradeAnswerForm({ requestId, pointNumber, current, choices }: { requestId: string; pointNumber: number; current: number; choices: number[] }) {
  const ids = useId();
  const [decision, setDecision] = useState<"accept" | "decline">("accept");
  const [awarded, setAwarded] = useState(String(choices.find((c) => c > current) ?? current));
  const [reply, setReply] = useState("");
  const { error, isSessionEnded, fieldErrors, isPending, run } = useActionCall();

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = decision === "accept" ? { requestId, decision, awarded: Number(awarded), reply } : { requestId, decision, reply };
    run(() => answerRegradeAction(input), () => setReply(""));
  }

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
      {decision === "accept" ? <MarkSelect id={`${ids}-mark`} value={awarded} onChange={setAwarded} choices={choices} errors={fieldErrors.awarded} /> : null}
      <TextAreaField
        label={`Reply (the student reads it${decision === "accept" ? "; it is also the moderation's reason" : ""})`}
        name="reply"
        id={`${ids}-reply`}
        value={reply}
        onChange={(e) => setReply(e.target.value)}
        required
        maxLength={REGRADE_REPLY_MAX}
        rows={3}
        errors={fieldErrors.reply}
      />
      <FormError message={formLevelError(error, fieldErrors, [...(decision === "accept" ? ["awarded"] : []), "reply"])} isSessionEnded={isSessionEnded} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : "Send the answer"}
      </Button>
    </form>
  );
}
