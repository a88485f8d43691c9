import type { EvidenceView } from "@/lib/db/authoring";
import { formatSource } from "@/lib/format";

/** The material paragraph an item rests on, with the evidence sentence marked, and where it is from. */
export function EvidenceQuote({ evidence, label = "Source" }: { evidence: EvidenceView[]; label?: string }) {
  if (evidence.length === 0) return <p className="text-xs text-muted">No source sentence recorded.</p>;
  return (
    <div className="space-y-2">
      {evidence.map((e, i) => (
        <figure key={`${e.materialId}-${i}`} className="rounded-lg bg-surface-2 p-3 text-sm">
          <figcaption className="mb-1 text-xs text-muted">
            <span className="font-medium text-fg">{label}:</span> {[formatSource(e.outlet, e.publishedAt), e.title].filter(Boolean).join(" — ")}
          </figcaption>
          <blockquote className="font-serif leading-relaxed text-muted">
            {e.before}
            <mark className="rounded bg-accent-soft px-0.5 text-fg">{e.quote}</mark>
            {e.after}
          </blockquote>
        </figure>
      ))}
    </div>
  );
}
