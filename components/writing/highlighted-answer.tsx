import { segmentByEvidence, type EvidenceMark } from "@/lib/writing/highlight";
import { toneOf } from "./tones";

export interface PointEvidence {
  number: number;
  evidence: { start: number; end: number; quote: string }[];
}

/** The submitted answer with each sentence that earned a point marked in that point's colour and number. */
export function HighlightedAnswer({ text, points }: { text: string; points: PointEvidence[] }) {
  const marks: EvidenceMark[] = points.flatMap((p) => p.evidence.map((e) => ({ label: p.number, start: e.start, end: e.end, quote: e.quote })));
  const runs = segmentByEvidence(text, marks);
  if (!text.trim()) return <p className="text-sm text-muted">The answer was empty.</p>;
  return (
    <div className="whitespace-pre-wrap break-words font-serif text-base leading-loose" data-testid="highlighted-answer">
      {runs.map((run) => {
        if (run.labels.length === 0) return <span key={run.start}>{run.text}</span>;
        const first = run.labels[0] ?? 1;
        return (
          <mark key={run.start} className={`rounded-sm border-b-2 px-0.5 text-fg ${toneOf(first).mark}`}>
            {run.text}
            {run.labels.map((n) => (
              <sup key={n} className={`ml-0.5 inline-flex min-w-4 items-center justify-center rounded px-1 font-sans text-[0.65rem] font-semibold leading-4 ${toneOf(n).badge}`}>
                <span className="sr-only">(earned point </span>
                {n}
                <span className="sr-only">)</span>
              </sup>
            ))}
          </mark>
        );
      })}
    </div>
  );
}
