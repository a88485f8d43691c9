/**
 * Where a finished attempt is read: a quiz attempt's results page, or a written answer with its
 * marks. Teachers reach both from the gradebook and the drill-downs; students from their lists.
 */
export function attemptHref(kind: "quiz" | "written", attemptId: string): string {
  return kind === "quiz" ? `/quiz/${attemptId}/results` : `/attempts/${attemptId}`;
}

/** Where a written question is answered: for one of the student's assignments, or (no assignment) as their own practice. */
export function writeHref(studySetId: string, questionId: string, assignmentId: string | null = null): string {
  const path = `/sets/${studySetId}/write/${questionId}`;
  return assignmentId ? `${path}?assignment=${encodeURIComponent(assignmentId)}` : path;
}
