import type { SourceRef } from "@/lib/db/study-sets";
import { formatSource } from "@/lib/format";

/** Where a fact comes from: outlet, date, and the sentence itself. */
export function SourceNote({ sources }: { sources: SourceRef[] }) {
  if (sources.length === 0) return null;
  return (
    <div className="mt-4 space-y-2 border-t border-border pt-3 text-left">
      {sources.map((s, i) => (
        <figure key={`${s.materialId}-${i}`} className="text-sm">
          <blockquote className="border-l-2 border-accent pl-3 font-serif text-fg">“{s.quote}”</blockquote>
          <figcaption className="mt-1 pl-3 text-xs text-muted">
            {formatSource(s.outlet, s.publishedAt)} — {s.title}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}
