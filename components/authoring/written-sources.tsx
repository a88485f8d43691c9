import type { WrittenQuestionSources } from "@/lib/db/authoring";
import { formatSource } from "@/lib/format";

/**
 * Where a written question's model answer draws its facts from — outlet, date and sentence — for
 * learners of a published set. The answer and its rubric are never shown here.
 */
export function WrittenSources({ sources }: { sources: WrittenQuestionSources["sources"] }) {
  if (sources.length === 0) return null;
  return (
    <details className="mt-2 text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-accent">Sources ({sources.length})</summary>
      <ul className="mt-1 space-y-2">
        {sources.map((s, i) => (
          <li key={`${s.materialId}-${i}`}>
            <figure>
              <blockquote className="border-l-2 border-accent pl-3 font-serif text-fg">“{s.quote}”</blockquote>
              <figcaption className="mt-1 pl-3 text-xs text-muted">{[formatSource(s.outlet, s.publishedAt), s.title].filter(Boolean).join(" — ")}</figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </details>
  );
}
