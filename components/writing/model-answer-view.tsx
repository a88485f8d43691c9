import { SourceNote } from "@/components/study/source-note";
import type { ModelAnswerView as ModelAnswer } from "@/lib/db/model-answers";

/** The whole model answer: core demands, introduction, every body point with its example and source, conclusion. */
export function ModelAnswerView({ answer, headingId }: { answer: ModelAnswer; headingId: string }) {
  return (
    <div className="space-y-4 font-serif text-base leading-relaxed" data-testid="model-answer">
      {answer.coreDemands.length > 0 ? (
        <div className="font-sans text-sm">
          <p className="font-medium">{answer.directive}: the question asks for</p>
          <ul className="ml-5 list-disc text-muted">
            {answer.coreDemands.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <section aria-labelledby={`${headingId}-intro`}>
        <h3 id={`${headingId}-intro`} className="font-sans text-sm font-semibold uppercase tracking-wide text-muted">
          Introduction
        </h3>
        <p>{answer.introduction}</p>
      </section>
      {answer.sections.map((section, i) => (
        <section key={`${section.heading}-${i}`} aria-labelledby={`${headingId}-s${i}`}>
          <h3 id={`${headingId}-s${i}`} className="font-sans text-base font-semibold">
            {section.heading}
          </h3>
          <ul className="mt-1 space-y-2">
            {section.points.map((p, j) => (
              <li key={j}>
                <p>{p.text}</p>
                {p.example ? <p className="text-sm text-muted">For example: {p.example}</p> : null}
                {p.sources.length > 0 ? <SourceNote sources={p.sources.slice(0, 1)} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby={`${headingId}-conclusion`}>
        <h3 id={`${headingId}-conclusion`} className="font-sans text-sm font-semibold uppercase tracking-wide text-muted">
          Conclusion
        </h3>
        <p>{answer.conclusion}</p>
      </section>
      <p className="font-sans text-xs text-muted">{answer.wordCount} words.</p>
    </div>
  );
}
