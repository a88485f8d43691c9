import type { SourceRef } from "@/lib/db/study-sets";
import { formatSource } from "@/lib/format";

/** Where a fact comes from: outlet, date, and the sentence itself. */
export function SourceNote({ sources, className = "mt-4 border-t border-border pt-3" }: { sources: readonly SourceRef[]; className?: string }) {
  if (sources.length === 0) return null;
  return (
    <div className={`space-y-2 text-left ${className}`}>
      {sources.map((s, i) => (
        <figure key={`${s.materialId}-${i}`} className="text-sm">
          <blockquote className="border-l-2 border-accent pl-3 font-serif text-fg">“{s.quote}”</blockquote>
          <figcaption className="mt-1 pl-3 text-xs text-muted">
            {[formatSource(s.outlet, s.publishedAt), s.title].filter(Boolean).join(" — ")}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}
