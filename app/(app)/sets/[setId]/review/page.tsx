import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewSession, type QueuedReview } from "@/components/study/review-session";
import { PageHeader } from "@/components/ui/panel";
import { formatDateTime } from "@/lib/format";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { getReviewSession, getStudySetFor } from "@/lib/server/study";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ setId: string }> }) {
  const [{ setId }, user] = await Promise.all([params, requireUser()]);
  const now = new Date();
  const set = await orNull(getStudySetFor(user, setId));
  if (!set) notFound();
  const { queue, due } = await getReviewSession(user, setId, now);
  const cardsById = new Map(set.cards.map((c) => [c.id, c]));
  const items: QueuedReview[] = queue.flatMap((q) => {
    const card = cardsById.get(q.cardId);
    return card ? [{ card, isNew: q.isNew, intervals: q.intervals }] : [];
  });
  return (
    <>
      <PageHeader title="Review" subtitle={set.title}>
        <Link href={`/sets/${set.id}`} className="text-sm text-accent underline-offset-2 hover:underline">
          Back to the set
        </Link>
      </PageHeader>
      {items.length === 0 ? (
        <p className="rounded-xl border border-border bg-surface p-6 text-center" role="status">
          Nothing to review right now.{due.nextDueAt ? ` Next review: ${formatDateTime(due.nextDueAt)}.` : ""}
        </p>
      ) : (
        <ReviewSession queue={items} setId={set.id} />
      )}
    </>
  );
}
