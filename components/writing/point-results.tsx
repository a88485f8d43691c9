import { SourceNote } from "@/components/study/source-note";
import { formatDateTime } from "@/lib/format";
import type { ResultPoint } from "@/lib/server/writing";
import { formatMarks, markChoices } from "@/lib/writing/marks";
import { MissedPointCardButton } from "./missed-point-card-button";
import { ModeratePointForm } from "./moderate-point-form";
import { RegradeAnswerForm } from "./regrade-answer-form";
import { RegradeRequestArea } from "./regrade-request-form";
import { regradeState, regradeStateLabel } from "@/lib/writing/regrade";
import { toneOf } from "./tones";

function creditLabel(p: ResultPoint): { text: string; className: string } {
  if (p.awarded >= p.max) return { text: "Earned", className: "text-good" };
  if (p.awarded > 0) return { text: "Partly earned", className: "text-warn" };
  return { text: "Missed", className: "text-bad" };
}

/** Rubric points with their marks, feedback, the teacher's moderation and, for missed content, what the model answer says and where. */
export function PointResults({
  points,
  attemptId,
  canModerate,
  headingId,
  offersCards = false,
  cardedPointIds = [],
  isOwn = false,
}: {
  points: ResultPoint[];
  attemptId: string;
  canModerate: boolean;
  headingId: string;
  /** The owner's view: each point not fully earned can become a flashcard. */
  offersCards?: boolean;
  cardedPointIds?: readonly string[];
  /** The result's owner is reading it (regrade requests are theirs). */
  isOwn?: boolean;
}) {
  return (
    <ol className="divide-y divide-border" aria-labelledby={headingId}>
      {points.map((p) => {
        const credit = creditLabel(p);
        const hasEvidence = p.evidence.length > 0;
        return (
          <li key={p.rubricPointId} id={`point-${p.number}`} className="scroll-mt-4 py-4 first:pt-2" data-testid={`point-${p.number}`}>
            <div className="flex items-start gap-3">
              <span
                className={`mt-0.5 inline-flex h-7 min-w-7 shrink-0 items-center justify-center rounded-full px-1.5 text-sm font-semibold ${hasEvidence ? toneOf(p.number).badge : "border border-border text-muted"}`}
                aria-hidden="true"
              >
                {p.number}
              </span>
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <p className="text-sm leading-relaxed">
                    <span className="sr-only">Point {p.number}: </span>
                    {p.point}
                  </p>
                  <p className="shrink-0 text-sm font-semibold tabular-nums" data-testid="point-mark">
                    <span className={credit.className}>{credit.text}</span> {formatMarks(p.awarded)} / {formatMarks(p.max)}
                  </p>
                </div>
                {p.feedback ? (
                  <p className="mt-1 text-sm text-muted">
                    {p.moderation ? "Automatic marking said: " : ""}
                    {p.feedback}
                  </p>
                ) : null}
                {hasEvidence ? (
                  <p className="mt-1 text-xs text-muted">Earned by the sentence{p.evidence.length > 1 ? "s" : ""} marked {p.number} in the answer.</p>
                ) : null}
                {p.moderation ? (
                  <p className="mt-2 rounded-lg border border-accent/40 bg-accent-soft px-3 py-2 text-sm" data-testid="moderation-note">
                    <span className="font-medium">
                      Moderated by {p.moderatorName} ({formatDateTime(p.moderation.at)})
                    </span>
                    : automatic mark {formatMarks(p.autoAwarded)}, changed to {formatMarks(p.awarded)}. “{p.moderation.reason}”
                  </p>
                ) : null}
                {p.modelAnswer || p.source ? (
                  <div className="mt-2 rounded-lg bg-surface-2 px-3 py-2 text-sm">
                    {p.modelAnswer ? (
                      <p>
                        <span className="font-medium">The model answer says: </span>
                        {p.modelAnswer}
                      </p>
                    ) : null}
                    {p.source ? <SourceNote sources={[p.source]} /> : null}
                  </div>
                ) : null}
                {/* One slot from asking to waiting, so the region keeps its height across the refresh (RegradeRequestArea). */}
                {p.regrade || p.canAskRegrade ? (
                  <RegradeRequestArea ask={p.canAskRegrade ? { attemptId, rubricPointId: p.rubricPointId, pointNumber: p.number } : null}>
                    {p.regrade ? (
                      <div
                        className={`mt-2 rounded-lg border px-3 py-2 text-sm ${p.regrade.status === "open" ? "border-warn/50" : "border-border"}`}
                        data-testid="regrade"
                      >
                        <p className="font-medium">{regradeStateLabel[regradeState(p.regrade)]}</p>
                        <p className="text-muted">
                          {isOwn ? "You asked" : "The student asked"} ({formatDateTime(p.regrade.createdAt)}): “{p.regrade.reason}”
                        </p>
                        {p.regrade.answer ? (
                          <p className="mt-1" data-testid="regrade-reply">
                            <span className="font-medium">
                              {p.regrade.answeredByName} replied{p.regrade.answeredAt ? ` (${formatDateTime(p.regrade.answeredAt)})` : ""}:
                            </span>{" "}
                            “{p.regrade.answer}”
                          </p>
                        ) : null}
                        {canModerate && p.regrade.status === "open" ? (
                          <RegradeAnswerForm requestId={p.regrade.id} pointNumber={p.number} current={p.awarded} choices={markChoices(p.max)} />
                        ) : null}
                      </div>
                    ) : null}
                  </RegradeRequestArea>
                ) : null}
                {offersCards && p.awarded < p.max ? (
                  <MissedPointCardButton attemptId={attemptId} rubricPointId={p.rubricPointId} pointNumber={p.number} isCarded={cardedPointIds.includes(p.rubricPointId)} />
                ) : null}
                {canModerate ? (
                  <ModeratePointForm attemptId={attemptId} rubricPointId={p.rubricPointId} pointNumber={p.number} current={p.awarded} choices={markChoices(p.max)} />
                ) : null}
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
