/**
 * Where a finished attempt is read: a quiz attempt's results page, or a written answer with its
 * marks. Teachers reach both from the gradebook and the drill-downs; students from their lists.
 */
export function attemptHref(kind: "quiz" | "written", attemptId: string): string {
  return kind === "quiz" ? `/quiz/${attemptId}/results` : `/attempts/${attemptId}`;
}
