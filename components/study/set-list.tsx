import Link from "next/link";
import type { StudySetSummary } from "@/lib/db/study-sets";
import { plural } from "@/lib/format";
import { Badge, EmptyState } from "@/components/ui/panel";

export function SetList({ sets, empty }: { sets: StudySetSummary[]; empty: string }) {
  if (sets.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {sets.map((set) => (
        <li key={set.id}>
          <Link href={`/sets/${set.id}`} className="block h-full rounded-xl border border-border bg-surface p-4 hover:border-accent">
            <div className="mb-1 flex flex-wrap gap-1.5">
              {set.subject ? <Badge tone="accent">{set.subject}</Badge> : null}
              {set.status === "draft" ? <Badge tone="warn">Draft</Badge> : null}
              {set.isOwn ? <Badge>Yours</Badge> : null}
            </div>
            <h3 className="font-semibold leading-snug">{set.title}</h3>
            <p className="mt-1 text-sm text-muted">
              {plural(set.cardCount, "card")} · {plural(set.questionCount, "question")}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
