import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewSession } from "@/components/study/review-session";
import { NothingToReview } from "@/components/study/review-summary";
import { PageHeader } from "@/components/ui/panel";
import { orNull } from "@/lib/server/page-data";
import { requireUser } from "@/lib/server/session";
import { getReviewQueue, getStudySetFor } from "@/lib/server/study";

export const metadata: Metadata = { title: "Review" };

/** Reviews of one set (the daily queue at /review spans every set). */
export default async function SetReviewPage({ params }: { params: Promise<{ setId: string }> }) {
  const [{ setId }, user] = await Promise.all([params, requireUser()]);
  const set = await orNull(getStudySetFor(user, setId));
  if (!set) notFound();
  const { cards, more, summary, reviewedToday } = await getReviewQueue(user, { studySetId: set.id }, new Date());
  return (
    <>
      <PageHeader title="Review" subtitle={set.title}>
        <Link href={`/sets/${set.id}`} className="text-sm text-accent underline-offset-2 hover:underline">
          Back to the set
        </Link>
      </PageHeader>
      {cards.length === 0 ? (
        <NothingToReview summary={summary} />
      ) : (
        <ReviewSession queue={cards} more={more} summary={summary} reviewedToday={reviewedToday} doneHref={`/sets/${set.id}`} doneLabel="Back to the set" />
      )}
    </>
  );
}
