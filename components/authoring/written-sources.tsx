import type { WrittenQuestionSources } from "@/lib/db/authoring";
import { SourceNote } from "@/components/study/source-note";
import { formatSource } from "@/lib/format";

/**
 * Where a written question's model answer draws its facts from. Learners see the sources (outlet,
 * date, title) before they write — the sentences themselves would hint at the answer's points, so
 * those appear on the result screen after submission. The set's owner sees the sentences here.
 */
export function WrittenSources({ sources, isOwner }: { sources: WrittenQuestionSources["sources"]; isOwner: boolean }) {
  if (sources.length === 0) return null;
  if (!isOwner) {
    const documents = [...new Map(sources.map((s) => [s.materialId, s])).values()];
    return (
      <p className="mt-2 text-xs text-muted">
        Draws on: {documents.map((s) => [s.title, formatSource(s.outlet, s.publishedAt)].filter(Boolean).join(", ")).join(" · ")}
      </p>
    );
  }
  return (
    <details className="mt-2 text-sm">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-accent">Sources ({sources.length})</summary>
      <SourceNote sources={sources} className="mt-1" />
    </details>
  );
}
