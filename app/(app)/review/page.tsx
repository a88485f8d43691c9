import type { Metadata } from "next";
import Link from "next/link";
import { ReviewSession } from "@/components/study/review-session";
import { NothingToReview } from "@/components/study/review-summary";
import { PageHeader } from "@/components/ui/panel";
import { requireUser } from "@/lib/server/session";
import { getReviewQueue } from "@/lib/server/study";

export const metadata: Metadata = { title: "Review" };

/** Today's reviews across every set the learner studies. */
export default async function DailyReviewPage() {
  const user = await requireUser();
  const { cards, more, summary, reviewedToday } = await getReviewQueue(user, {}, new Date());
  return (
    <>
      <PageHeader title="Review" subtitle="Today's cards from all your sets">
        <Link href="/account#review-settings" className="text-sm text-accent underline-offset-2 hover:underline">
          Review settings
        </Link>
      </PageHeader>
      {cards.length === 0 ? (
        <NothingToReview summary={summary} />
      ) : (
        <ReviewSession queue={cards} more={more} summary={summary} reviewedToday={reviewedToday} doneHref="/home" doneLabel="Back to home" />
      )}
    </>
  );
}
