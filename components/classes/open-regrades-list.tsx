import Link from "next/link";
import { formatDateTime, plural } from "@/lib/format";
import type { OpenRegrade } from "@/lib/db/regrades";

/** Open regrade requests (on assignments, and on practice — always labelled so), each linking to the answer where the teacher moderates and answers it. */
export function OpenRegradesList({ requests, headingId, showAssignment }: { requests: OpenRegrade[]; headingId: string; showAssignment: boolean }) {
  return (
    <section aria-labelledby={headingId} data-testid="open-regrades">
      <h2 id={headingId} className="text-lg font-semibold">
        Regrade requests <span className="font-normal text-muted">({plural(requests.length, "open request")})</span>
      </h2>
      {requests.length === 0 ? (
        <p className="mt-1 text-sm text-muted">No student is waiting for a regrade.</p>
      ) : (
        <ol className="mt-2 divide-y divide-border">
          {requests.map((r) => (
            <li key={r.requestId} className="space-y-1 py-2 text-sm">
              <p>
                <span className="font-medium">{r.studentName}</span>
                {showAssignment || r.assignmentTitle === null ? <span className="text-muted"> · {r.assignmentTitle ?? `practice on ${r.studySetTitle}`}</span> : null} · point {r.pointNumber}: {r.point}
              </p>
              <p className="text-muted">
                “{r.reason}” · {formatDateTime(r.createdAt)}
              </p>
              <Link href={`/attempts/${r.attemptId}#point-${r.pointNumber}`} className="inline-block min-h-11 content-center text-accent underline-offset-2 hover:underline">
                Answer the request<span className="sr-only"> of {r.studentName} on point {r.pointNumber}</span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
