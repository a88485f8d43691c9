import { Panel } from "@/components/ui/panel";

interface Contradiction {
  quote: string;
  pointNumber: number | null;
  point: string | null;
  kind: "polarity" | "roles";
}

/**
 * What the grader wants the reader to know beyond the marks: that an automatic grade is
 * provisional (a teacher should check it), and the sentences that assert the opposite of a
 * rubric point, quoted, each with the point it contradicts.
 */
export function GradeNotes({
  isOwn,
  isProvisional,
  provisionalReasons,
  contradictions,
}: {
  isOwn: boolean;
  isProvisional: boolean;
  provisionalReasons: string[];
  contradictions: Contradiction[];
}) {
  if (!isProvisional && contradictions.length === 0) return null;
  return (
    <Panel aria-labelledby="grade-notes-heading" className="mb-4 border-warn/50" data-testid="grade-notes">
      <h2 id="grade-notes-heading" className="mb-2 text-lg font-semibold">
        {isProvisional ? "Provisional — a teacher should check" : "Sentences that say the opposite"}
      </h2>
      {isProvisional ? (
        <p className="text-sm" data-testid="provisional-note">
          {isOwn ? "This mark is provisional" : "The automatic mark is provisional"}
          {provisionalReasons.length ? `: ${provisionalReasons.join("; ")}.` : "."}{" "}
          {isOwn ? "Your teacher has been asked to check it." : "It is on the class’s list of grades to check."}
        </p>
      ) : null}
      {contradictions.length > 0 ? (
        <>
          {isProvisional ? <h3 className="mt-3 text-sm font-semibold">Sentences that say the opposite</h3> : null}
          <ul className="mt-2 space-y-2 text-sm">
            {contradictions.map((c, i) => (
              <li key={i} className="rounded-lg bg-surface-2 px-3 py-2">
                <p>
                  <span className="font-medium">{isOwn ? "You wrote" : "The answer says"}:</span> “{c.quote}”
                </p>
                <p className="text-muted">
                  {c.kind === "roles" ? "This reverses who does what to whom in" : "This asserts the opposite of"}{" "}
                  {c.pointNumber !== null ? `point ${c.pointNumber}` : "a rubric point"}
                  {c.point ? ` (“${c.point}”)` : ""}, so it earned nothing for that point.
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Panel>
  );
}
